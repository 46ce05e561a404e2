import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_ROOMS, addRoom, importFixture } from '../helpers/rooms';
import { HAS_LIBLO, startOscDump, type OscDump } from '../helpers/oscdump';
import { startServer, type StartedServer } from '../helpers/server-process';

if (!HAS_LIBLO) console.warn('SKIPPED: the rooms OSC feedback test needs oscdump and oscsend (apt-get install -y liblo-tools).');

/**
 * OSC feedback per room (#18, docs/control.md "OSC feedback out"): a room added over HTTP is fed on
 * `/rostrum/<roomId>/state/…`, received by `oscdump`, while `main`'s `/rostrum/state/…` stays its own.
 */
describe.skipIf(!HAS_LIBLO)('OSC feedback per room, to oscdump', () => {
  let server: StartedServer;
  let dump: OscDump;
  const breakout = FIXTURE_ROOMS.rooms.find((r) => r.id === 'breakout-a')!;
  const waitFor = async (address: string, pattern: RegExp) => {
    await expect.poll(() => dump.lines(address).some((l) => pattern.test(l)), { timeout: 10_000 }).toBe(true);
  };

  beforeAll(async () => {
    dump = await startOscDump();
    server = await startServer({ args: ['--osc-port', '0', '--osc-feedback', `127.0.0.1:${dump.port}`] });
  });
  afterAll(async () => {
    await server?.stop();
    dump?.stop();
  });

  it('feeds a room added over HTTP on its own addresses, its clock ticking there, and main is unchanged', async () => {
    await waitFor('/rostrum/state/status', /^s "idle"$/);
    const mainCurrent = dump.lines('/rostrum/state/current');
    expect(mainCurrent).toHaveLength(1);

    expect((await addRoom(server, { id: breakout.id, name: breakout.name })).status).toBe(200);
    // Added: its full state at once, with an empty agenda.
    await waitFor('/rostrum/breakout-a/state/status', /^s "idle"$/);
    await waitFor('/rostrum/breakout-a/state/aux/2/label', /^s ""$/);
    await importFixture(server, 'breakout-a');
    await waitFor('/rostrum/breakout-a/state/current', /^sss "[^"]+" "[^"]+" "[^"]*"$/);

    const res = await fetch(`${server.url}/api/v1/rooms/breakout-a/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'start' }),
    });
    expect(res.status).toBe(200);
    await waitFor('/rostrum/breakout-a/state/status', /^s "running"$/);
    // The tick, once a second, on the room's address: seconds and digits agreeing.
    const ticks = () => dump.lines('/rostrum/breakout-a/state/remaining');
    const before = ticks().length;
    await expect.poll(() => ticks().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
    for (const t of ticks()) expect(t).toMatch(/^is (\d+) "\d+:\d\d"$/);

    // Main: what it sent at start-up, nothing since (its clock is idle, no command reached it).
    expect(dump.lines('/rostrum/state/status')).toEqual(['s "idle"']);
    expect(dump.lines('/rostrum/state/current')).toEqual(mainCurrent);
    expect(dump.lines('/rostrum/state/remaining')).toHaveLength(1);
  });

  it('feeds a room that is there at start, after a restart', async () => {
    const data = server;
    await server.stop();
    const mark = dump.output().length;
    server = await startServer({ dataDir: data.dataDir, tokens: data.tokens, args: ['--osc-port', '0', '--osc-feedback', `127.0.0.1:${dump.port}`] });
    await expect.poll(() => dump.output().slice(mark), { timeout: 10_000 }).toMatch(/ \/rostrum\/breakout-a\/state\/status s "running"/);
    expect(dump.output().slice(mark)).toMatch(/ \/rostrum\/state\/status s "idle"/);
  });
});
