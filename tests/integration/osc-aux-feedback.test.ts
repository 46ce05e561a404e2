import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { HAS_LIBLO, startOscDump, type OscDump } from '../helpers/oscdump';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * OSC feedback of the extra timers (docs/control.md "OSC feedback out"), received by `oscdump` from
 * liblo-tools, the timers driven by `oscsend` and HTTP against the real server.
 */
const run = promisify(execFile);
if (!HAS_LIBLO) console.warn('SKIPPED: the OSC aux feedback test needs oscdump and oscsend (apt-get install -y liblo-tools).');

describe.skipIf(!HAS_LIBLO)('OSC feedback of the extra timers, to oscdump', () => {
  let server: StartedServer;
  let dump: OscDump;
  const lines = (address: string) => dump.lines(address);
  const waitFor = async (address: string, pattern: RegExp) => {
    await expect.poll(() => lines(address).some((l) => pattern.test(l)), { timeout: 10_000 }).toBe(true);
  };

  beforeAll(async () => {
    dump = await startOscDump();
    server = await startServer({ args: ['--osc-port', '0', '--osc-feedback', `127.0.0.1:${dump.port}`] });
  });
  afterAll(async () => {
    await server?.stop();
    dump?.stop();
  });

  it('sends both timers at start-up, then status, label and the time each second while one runs', async () => {
    await waitFor('/rostrum/state/aux/1/status', /^ss "idle" "down"$/);
    await waitFor('/rostrum/state/aux/2/time', /^is 300 "5:00"$/);
    await waitFor('/rostrum/state/aux/2/label', /^s ""$/);

    const control = apiClient(server.url, server.tokens.control);
    expect((await control.command({ type: 'aux.set', timerId: 1, durationSec: 900, direction: 'down', label: 'Coffee break ends' })).status).toBe(200);
    await waitFor('/rostrum/state/aux/1/label', /^s "Coffee break ends"$/);
    await waitFor('/rostrum/state/aux/1/time', /^is 900 "15:00"$/);

    const oscPort = Number(/osc in\s+udp:\/\/127\.0\.0\.1:(\d+)/.exec(server.output())![1]);
    await run('oscsend', ['127.0.0.1', String(oscPort), '/rostrum/aux/start', 'i', '1'], { timeout: 5000 });
    await waitFor('/rostrum/state/aux/1/status', /^ss "running" "down"$/);
    // The tick: the time left counts down, whole seconds and digits agreeing.
    await waitFor('/rostrum/state/aux/1/time', /^is 89[0-9] "14:5[0-9]"$/);
    const ticks = lines('/rostrum/state/aux/1/time').filter((l) => / "14:5\d"$/.test(l));
    for (const t of ticks) expect(t).toMatch(/^is 89(\d) "14:5\1"$/);
    // Timer 2 is not running: it never ticks (its time is sent again only with a change to the timers).
    expect(new Set(lines('/rostrum/state/aux/2/time'))).toEqual(new Set(['is 300 "5:00"']));

    await run('oscsend', ['127.0.0.1', String(oscPort), '/rostrum/aux/pause', 'i', '1'], { timeout: 5000 });
    await waitFor('/rostrum/state/aux/1/status', /^ss "paused" "down"$/);
  });
});
