import { closeSync, fsync, fsyncSync, mkdirSync, open, close, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One JSON file in the data dir, replaced whole on every write, in two steps:
 *
 * 1. synchronously, before the caller goes on: the new content is written to a temp file beside it
 *    and renamed over the old one. From then on the new content is what any later reader sees, even
 *    if the process is killed (SIGKILL, a crash): the kernel holds it. A reader sees the old file or
 *    the new one, never a half-written one.
 * 2. asynchronously, batched: the file and its folder are fsync'd, so the content also survives a
 *    power cut or a kernel crash. Several writes in quick succession share one fsync; at most one
 *    is in flight. `flushSync` waits for nothing and fsyncs now (on shutdown).
 *
 * Step 2 is off the command's path because it costs a disk round trip (about 1 ms, with a tail of
 * several ms under load) that every client would otherwise wait for; see docs/security.md.
 */
export class JsonFile {
  private readonly tempPath: string;
  private syncing = false;
  private dirty = false;
  /** A flushSync ran while a background fsync was in flight: that one has nothing left to report. */
  private covered = false;
  private idle: (() => void)[] = [];

  constructor(
    readonly path: string,
    /** Reports a failed background fsync (the content is still in place; only its durability is late). */
    private readonly onSyncError: (error: Error) => void = () => {},
  ) {
    this.tempPath = `${path}.tmp`;
    mkdirSync(dirname(path), { recursive: true });
  }

  /** The parsed content; undefined when there is no file. Throws when it is not JSON. */
  read(): unknown {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return JSON.parse(text) as unknown;
  }

  /** Replaces the content (step 1 above) and schedules the fsync (step 2). */
  write(value: unknown): void {
    // Owner-only, like the data dir (private-files.ts): the rename carries the mode over.
    writeFileSync(this.tempPath, JSON.stringify(value), { mode: 0o600 });
    renameRetrying(this.tempPath, this.path);
    this.dirty = true;
    if (!this.syncing) this.syncSoon();
  }

  /**
   * fsyncs the file and its folder now, synchronously: everything written so far is durable when it
   * returns, including what a background fsync still in flight was about to cover (so the file may
   * then be moved: a room removed, its folder kept aside, open-rooms.ts).
   */
  flushSync(): void {
    if (!this.dirty && !this.syncing) return;
    if (this.syncing) this.covered = true;
    this.dirty = false;
    fsyncPathSync(this.path);
    if (SYNC_FOLDERS) fsyncPathSync(dirname(this.path));
  }

  /** Resolves once no background fsync is in flight (at once when none is). */
  settled(): Promise<void> {
    return this.syncing ? new Promise((resolve) => this.idle.push(resolve)) : Promise.resolve();
  }

  private syncSoon(): void {
    this.syncing = true;
    this.dirty = false;
    fsyncPath(this.path, (fileError) => {
      (SYNC_FOLDERS ? fsyncPath : skip)(dirname(this.path), (dirError) => {
        this.syncing = false;
        const error = fileError ?? dirError;
        if (error && !this.covered) this.onSyncError(error);
        this.covered = false;
        if (this.dirty) this.syncSoon();
        else for (const done of this.idle.splice(0)) done();
      });
    });
  }
}

/**
 * On Windows a rename over a file that another process (an indexer, an antivirus) holds open fails
 * for a moment with EPERM/EACCES/EBUSY: retried a few times, a few ms apart, as `atomically` did for conf.
 */
function renameRetrying(from: string, to: string): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return renameSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 10 || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/** A rename is made durable by fsyncing the folder; Windows cannot open a folder for that. */
const SYNC_FOLDERS = process.platform !== 'win32';
const skip = (_path: string, done: (error: null) => void) => done(null);

function fsyncPathSync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncPath(path: string, done: (error: Error | null) => void): void {
  open(path, 'r', (openError, fd) => {
    if (openError) return done(openError);
    fsync(fd, (syncError) => close(fd, () => done(syncError)));
  });
}
