import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file in the data dir, held while a Rostrum (server or desktop app) runs on it. */
export const LOCK_FILE = 'rostrum.lock';

/** Who holds the lock: written into the file, named in the refusal. */
export interface LockHolder {
  pid: number;
  /** ISO time the holder started. */
  since: string;
  host: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Gives the lock up (on stop). Leaves a lock that is no longer this one's alone. */
  release(): void;
}

export interface LockOptions {
  now: Date;
  pid?: number;
  host?: string;
  /** Whether a process runs (by pid) on this machine. */
  isRunning?: (pid: number) => boolean;
}

/** A process exists when signal 0 reaches it (EPERM: it exists, and is someone else's). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof v.pid === 'number' && typeof v.since === 'string' && typeof v.host === 'string' ? { pid: v.pid, since: v.since, host: v.host } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data dir for this process, exclusively: two processes on one data dir (`npm run
 * serve` and the desktop app) would both write state.json and lose each other's commands. The
 * Electron single-instance lock covers two desktop apps only; this covers every pair.
 *
 * A lock whose holder no longer runs on this machine (killed, crashed, power cut) is stale and
 * taken over. A lock held from another machine (a shared folder) cannot be checked, so it holds.
 * Throws, naming the holder (pid, since when, the file to delete if it is wrong), when it is held.
 */
export function lockDataDir(dataDir: string, o: LockOptions): DataDirLock {
  const pid = o.pid ?? process.pid;
  const host = o.host ?? hostname();
  const isRunning = o.isRunning ?? processIsRunning;
  const me: LockHolder = { pid, since: o.now.toISOString(), host };
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number | null = null;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd === null) {
      const holder = readHolder(path);
      if (holder === null) {
        throw new Error(`the data dir ${dataDir} is locked by ${path}, which cannot be read; if no other Rostrum uses this folder, delete that file`);
      }
      if (holder.host !== host || isRunning(holder.pid)) {
        const where = holder.host === host ? '' : ` on ${holder.host}`;
        throw new Error(
          `the data dir ${dataDir} is in use by another Rostrum (pid ${holder.pid}${where}, running since ${holder.since}); ` +
            `stop that one first, or give this one another --data-dir (if none runs, delete ${path})`,
        );
      }
      // Its holder is gone: stale. Taken over (once: another process may be doing the same).
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    return {
      path,
      release: () => {
        const now = readHolder(path);
        if (now?.pid !== me.pid || now.since !== me.since || now.host !== me.host) return;
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      },
    };
  }
  throw new Error(`the data dir ${dataDir} could not be locked (${path} keeps coming back)`);
}
