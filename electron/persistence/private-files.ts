import { chmodSync, existsSync, mkdirSync } from 'node:fs';

/**
 * The data dir holds the role tokens (settings.json) and the event (state.json): readable by its
 * owner only (issue 14 §8), a 700 folder of 600 files, for a new dir and for one an earlier version
 * made world-readable. Windows has no such modes: its user profile folder is private already.
 */
const POSIX = process.platform !== 'win32';

/** Makes an existing file owner-only (600); nothing when it does not exist. */
export function makePrivate(path: string): void {
  if (POSIX && existsSync(path)) chmodSync(path, 0o600);
}

/**
 * Creates the data dir owner-only (700), or makes an existing one so, with its files in `files`.
 * Returns a warning when that is not allowed (a folder owned by someone else), else null.
 */
export function securePrivateDir(dir: string, files: readonly string[]): string | null {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return null;
  try {
    chmodSync(dir, 0o700);
    for (const file of files) makePrivate(file);
    return null;
  } catch (error) {
    return `The data dir ${dir} could not be made private to this user (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): other users of this computer may be able to read its tokens.`;
  }
}
