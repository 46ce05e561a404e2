import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgenda, makeItem, makeSession } from '../builders';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * Hold and release of a session's automatic start from an HTTP trigger and from OSC (`oscsend`
 * from liblo-tools), against the real server (docs/control.md).
 */
const run = promisify(execFile);
const HAS_OSCSEND = spawnSync('oscsend', [], { stdio: 'ignore' }).error === undefined;
if (!HAS_OSCSEND) console.warn('SKIPPED: the OSC half needs oscsend (apt-get install -y liblo-tools).');

// A day far ahead: both sessions are waiting to start by themselves whatever the real clock says.
const agenda = makeAgenda({
  date: '2099-06-01',
  sessions: [
    makeSession({ id: 'am', plannedStart: '09:00', plannedEnd: '10:00', autoStart: true, items: [makeItem({ id: 'a', durationSec: 600 })] }),
    makeSession({ id: 'pm', plannedStart: '14:00', plannedEnd: '15:00', autoStart: true, items: [makeItem({ id: 'b', durationSec: 600 })] }),
  ],
});

describe('hold and release from triggers and OSC', () => {
  let server: StartedServer;
  const held = async () => (await apiClient(server.url, server.tokens.control).state()).timing.held;
  const trigger = async (path: string) => {
    const res = await fetch(`${server.url}/api/v1/trigger/${path}?token=${server.tokens.control}`);
    return { status: res.status, body: (await res.json()) as { ok?: boolean; error?: { code: string; message: string } } };
  };

  beforeAll(async () => {
    server = await startServer({ args: ['--osc-port', '0'] });
    expect((await apiClient(server.url, server.tokens.control).command({ type: 'agenda.replace', agenda })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('GET trigger/hold holds the session waiting to start by itself; trigger/release lets it start again; each refuses when there is nothing to do', async () => {
    expect((await trigger('hold')).status).toBe(200);
    expect(await held()).toEqual(['am']);
    expect((await trigger('hold/pm')).status).toBe(200);
    expect(await held()).toEqual(['am', 'pm']);
    const none = await trigger('hold');
    expect(none.status).toBe(409);
    expect(none.body.error).toMatchObject({ code: 'nothing-to-hold', message: 'no session is waiting to start by itself' });
    expect((await trigger('release')).status).toBe(200);
    expect(await held()).toEqual(['pm']);
    expect((await trigger('release/pm')).status).toBe(200);
    expect(await held()).toEqual([]);
    expect((await trigger('release')).body.error?.code).toBe('nothing-to-hold');
    expect((await trigger('hold/nope')).body.error?.code).toBe('unknown-session');
  });

  it.skipIf(!HAS_OSCSEND)('/rostrum/hold and /rostrum/release s pm do the same over OSC', async () => {
    const oscPort = Number(/osc in\s+udp:\/\/127\.0\.0\.1:(\d+)/.exec(server.output())![1]);
    const oscsend = (...a: string[]) => run('oscsend', ['127.0.0.1', String(oscPort), ...a], { timeout: 5000 });
    await oscsend('/rostrum/hold');
    await expect.poll(held).toEqual(['am']);
    await oscsend('/rostrum/hold', 's', 'pm');
    await expect.poll(held).toEqual(['am', 'pm']);
    await oscsend('/rostrum/release', 's', 'pm');
    await expect.poll(held).toEqual(['am']);
    await oscsend('/rostrum/release');
    await expect.poll(held).toEqual([]);
  });
});
