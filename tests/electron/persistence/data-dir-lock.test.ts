import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir, processIsRunning } from '../../../electron/persistence/data-dir-lock';
import { tempDir } from '../shell/shell-helpers';

const NOW = new Date('2026-12-05T08:30:00.000Z');
const running = (pids: number[]) => (pid: number) => pids.includes(pid);

describe('the data dir lock', () => {
  it('a second process on the same data dir is refused, told who holds it (pid, since when)', () => {
    const dir = tempDir();
    lockDataDir(dir, { now: NOW, pid: 100, host: 'booth-pc', isRunning: running([100]) });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ pid: 100, since: '2026-12-05T08:30:00.000Z', host: 'booth-pc' });
    expect(() => lockDataDir(dir, { now: NOW, pid: 200, host: 'booth-pc', isRunning: running([100, 200]) })).toThrow(
      `the data dir ${dir} is in use by another Rostrum (pid 100, running since 2026-12-05T08:30:00.000Z); stop that one first, or give this one another --data-dir (if none runs, delete ${join(dir, LOCK_FILE)})`,
    );
  });

  it('a lock whose holder is gone (killed, crashed) is taken over', () => {
    const dir = tempDir();
    lockDataDir(dir, { now: NOW, pid: 100, host: 'booth-pc', isRunning: running([]) });
    const lock = lockDataDir(dir, { now: NOW, pid: 200, host: 'booth-pc', isRunning: running([200]) });
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: 200 });
  });

  it('a lock from another machine (a shared folder) cannot be checked, so it holds, naming that machine', () => {
    const dir = tempDir();
    lockDataDir(dir, { now: NOW, pid: 100, host: 'other-pc', isRunning: running([]) });
    expect(() => lockDataDir(dir, { now: NOW, pid: 200, host: 'booth-pc', isRunning: running([]) })).toThrow(/pid 100 on other-pc/);
  });

  it('an unreadable lock file is not taken over silently: the refusal says which file to delete', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(() => lockDataDir(dir, { now: NOW, pid: 200, host: 'h', isRunning: running([]) })).toThrow(`delete that file`);
  });

  it('released on stop, and only its own: a lock taken over meanwhile stays', () => {
    const dir = tempDir();
    const first = lockDataDir(dir, { now: NOW, pid: 100, host: 'h', isRunning: running([100]) });
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const second = lockDataDir(dir, { now: NOW, pid: 200, host: 'h', isRunning: running([200]) });
    first.release();
    expect(JSON.parse(readFileSync(second.path, 'utf8'))).toMatchObject({ pid: 200 });
  });

  it('creates the data dir when it does not exist yet; this process is running', () => {
    const dir = join(tempDir(), 'new', 'Rostrum');
    lockDataDir(dir, { now: NOW });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    expect(processIsRunning(process.pid)).toBe(true);
  });
});
