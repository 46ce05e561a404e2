// Two real servers on one data dir: the second says who holds it and exits, before it touches
// state.json. A killed holder (SIGKILL: nothing of it runs any more) does not block the next start.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, tempDataDir, type StartedServer } from '../helpers/server-process';

const servers: StartedServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.stop();
});

const start = async (dataDir: string) => {
  const s = await startServer({ dataDir });
  servers.push(s);
  return s;
};

describe('one Rostrum per data dir', () => {
  it('a second server on the same data dir exits, naming the holder\'s pid and since when; the first runs on, its state intact', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const stateBefore = readFileSync(join(dataDir, 'state.json'), 'utf8');
    const error = await startServer({ dataDir }).then(
      (s) => {
        servers.push(s);
        return null;
      },
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/server exited with 1 before it was ready/);
    expect(error?.message).toContain(`Rostrum: the data dir ${dataDir} is in use by another Rostrum (pid ${first.process.pid}, running since 20`);
    expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).toBe(stateBefore);
    expect((await fetch(`${first.url}/api/v1/health`)).status).toBe(200);
  });

  it('after the holder was killed (SIGKILL), the next server starts on that data dir', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    await first.kill();
    expect(existsSync(join(dataDir, 'rostrum.lock'))).toBe(true); // left behind: stale
    const next = await start(dataDir);
    expect((await fetch(`${next.url}/api/v1/health`)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, 'rostrum.lock'), 'utf8'))).toMatchObject({ pid: next.process.pid });
  });

  it('a server stopped cleanly gives the lock up', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDir, 'rostrum.lock'))).toBe(false);
  });
});
