import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutomationRule, AutomationsAnswer } from '../../shared/contract/automation';
import type { RoomTokens } from '../../shared/contract/rooms';
import type { Snapshot } from '../../shared/contract/state';
import { startHookServer } from '../helpers/hook-server';
import { HAS_LIBLO, startOscDump, type OscDump } from '../helpers/oscdump';
import { addRoom, FIXTURE_ROOMS, importFixture, setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket } from '../helpers/socket-client';

/**
 * Triggered actions in rooms (docs/automation.md "Rooms"): a rule follows its own room's core
 * (`room`, absent = `main`), against the real server with the three rooms of the fixture; OSC is
 * received on a real UDP socket, HTTP by a real server.
 */

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
type Answer = AutomationsAnswer & { error?: { message: string; path: string } };

async function putRules(server: StartedServer, rules: unknown[]): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${server.url}/api/v1/automations`, { method: 'PUT', headers: bearer(server.tokens.control), body: JSON.stringify({ rules }) });
  return { status: res.status, body: (await res.json()) as Answer };
}
const getRules = async (server: StartedServer): Promise<AutomationsAnswer> =>
  (await (await fetch(`${server.url}/api/v1/automations`, { headers: bearer(server.tokens.control) })).json()) as AutomationsAnswer;
const roomPath = (room: string, path: string) => (room === 'main' ? `/api/v1${path}` : `/api/v1/rooms/${room}${path}`);
async function command(server: StartedServer, room: string, c: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${server.url}${roomPath(room, '/commands')}`, { method: 'POST', headers: bearer(server.tokens.control), body: JSON.stringify(c) });
  if (!res.ok) throw new Error(`${c['type']} in ${room}: ${res.status} ${await res.text()}`);
}
const stateOf = async (server: StartedServer, room: string): Promise<Snapshot> =>
  (await (await fetch(`${server.url}${roomPath(room, '/state')}`, { headers: bearer(server.tokens.control) })).json()) as Snapshot;
const removeRoom = (server: StartedServer, room: string) =>
  fetch(`${server.url}/api/v1/rooms/${room}/room/remove?confirm=running`, { method: 'POST', headers: bearer(server.tokens.control), body: '{}' });

describe('automation rules in rooms', () => {
  let server: StartedServer;
  let roomTokens: Record<string, RoomTokens>;
  let hooks: Awaited<ReturnType<typeof startHookServer>>;
  /** QLab's stand-in: real oscdump. */
  let qlab: OscDump | null = null;
  beforeAll(async () => {
    server = await startServer({ args: ['--rate-limit', '100000'] });
    // The breakouts are added after the server (and its automation engine) started: no restart.
    roomTokens = await setUpFixtureRooms(server);
    hooks = await startHookServer();
  });
  afterAll(async () => {
    qlab?.stop();
    await hooks.close();
    if (server.process.exitCode === null && server.process.signalCode === null) await server.stop();
  });

  it.skipIf(!HAS_LIBLO)("a breakout's rule fires on its item start and not on main's; its command acts in the breakout; a rule without room fires on main as before", async () => {
    const dump = (qlab = await startOscDump());
    const rules: AutomationRule[] = [
      { id: 'a-cue', enabled: true, room: 'breakout-a', when: 'item.started', then: { type: 'osc', host: '127.0.0.1', port: dump.port, address: '/cue/12/start', args: ['{{item.id}}'] } },
      { id: 'a-msg', enabled: true, room: 'breakout-a', when: 'item.started', then: { type: 'message', text: 'Rule for {{item.id}}' } },
      { id: 'main-hook', enabled: true, when: 'item.started', then: { type: 'http', method: 'GET', url: `${hooks.url}/main?item={{item.id}}` } },
    ];
    const saved = await putRules(server, rules);
    expect(saved.status).toBe(200);
    expect(saved.body.rules).toEqual(rules);

    const mainItem = (await stateOf(server, 'main')).clock.currentItemId;
    await command(server, 'main', { type: 'start' });
    expect((await hooks.nth('/main', 1)).url).toBe(`/main?item=${encodeURIComponent(mainItem!)}`);
    // Main's start was recorded in one batch with whatever it fired: breakout A's rules were not among them.
    const afterMain = await getRules(server);
    expect(afterMain.status['main-hook']?.lastFiredAt).toEqual(expect.any(Number));
    expect(afterMain.status['a-cue']?.lastFiredAt).toBeNull();
    expect(afterMain.status['a-msg']?.lastFiredAt).toBeNull();
    expect((await stateOf(server, 'main')).messages.speaker).toBeNull();

    const aItem = (await stateOf(server, 'breakout-a')).clock.currentItemId!;
    await command(server, 'breakout-a', { type: 'start' });
    await expect.poll(() => dump.lines('/cue/12/start'), { timeout: 10_000 }).toEqual([`s "${aItem}"`]);
    // The message action landed in breakout A, not in main.
    await expect.poll(async () => (await stateOf(server, 'breakout-a')).messages.speaker?.text, { timeout: 10_000 }).toBe(`Rule for ${aItem}`);
    expect((await stateOf(server, 'main')).messages.speaker).toBeNull();
    // Breakout A's start fired nothing of main's.
    expect(hooks.count('/main')).toBe(1);
    expect(dump.lines('/cue/12/start')).toEqual([`s "${aItem}"`]);
  });

  it("a breakout's time-driven rule follows its own clock: one minute left there fires it, main's warning fires main's", async () => {
    const rules: AutomationRule[] = [
      { id: 'a-minute', enabled: true, room: 'breakout-a', when: 'item.warning', then: { type: 'http', method: 'GET', url: `${hooks.url}/a-minute?item={{item.id}}&left={{item.remainingSec}}` } },
      { id: 'main-minute', enabled: true, when: 'item.warning', then: { type: 'http', method: 'GET', url: `${hooks.url}/main-minute?item={{item.id}}` } },
    ];
    expect((await putRules(server, rules)).status).toBe(200);
    // Both rooms' clocks run (the test above started them): 60 s left in breakout A, under its warning.
    const toSixty = async (room: string) => {
      const clock = (await stateOf(server, room)).clock;
      expect(clock.status).toBe('running');
      await command(server, room, { type: 'adjust', seconds: -Math.round((clock.remainingMs! - 60_000) / 1000) });
      return clock.currentItemId!;
    };
    const aItem = await toSixty('breakout-a');
    const fired = await hooks.nth('/a-minute', 1);
    expect(fired.url).toMatch(new RegExp(`^/a-minute\\?item=${aItem}&left=(60|59|58)$`));
    expect((await getRules(server)).status['main-minute']?.lastFiredAt).toBeNull();
    const mainItem = await toSixty('main');
    expect((await hooks.nth('/main-minute', 1)).url).toBe(`/main-minute?item=${encodeURIComponent(mainItem)}`);
    expect(hooks.count('/a-minute')).toBe(1);
  });

  it("fire now uses the rule's room: its current item, its speaker monitors", async () => {
    const bItem = (await stateOf(server, 'breakout-b')).clock.currentItemId!;
    const res = await fetch(`${server.url}/api/v1/automations/test`, {
      method: 'POST',
      headers: bearer(server.tokens.control),
      body: JSON.stringify({ rule: { id: 'try', enabled: false, room: 'breakout-b', when: 'item.started', then: { type: 'message', text: 'B: {{item.id}}' } } }),
    });
    expect(await res.json()).toEqual({ ok: true, firedAt: expect.any(Number) });
    expect((await stateOf(server, 'breakout-b')).messages.speaker?.text).toBe(`B: ${bItem}`);
    expect((await stateOf(server, 'main')).messages.speaker?.text).not.toBe(`B: ${bItem}`);
  });

  it('refuses a rule naming a room that does not exist, or that is not a room id, naming the field; the rules in force stay', async () => {
    const before = (await getRules(server)).rules;
    const unknown = await putRules(server, [...before, { id: 'z', enabled: true, room: 'breakout-z', when: 'item.started', then: { type: 'message', text: 'x' } }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.path).toBe(`rules.${before.length}.room`);
    expect(unknown.body.error?.message).toBe(`rules.${before.length}.room: rule "z": no room "breakout-z" (see GET /api/v1/rooms)`);
    const malformed = await putRules(server, [{ id: 'z', enabled: true, room: 'Breakout A', when: 'item.started', then: { type: 'message', text: 'x' } }]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.message).toMatch(/^rules\.0\.room: must be a room id/);
    expect((await getRules(server)).rules).toEqual(before);
  });

  it('display.offline follows the room the display was in', async () => {
    expect(
      (
        await putRules(server, [
          { id: 'b-gone', enabled: true, room: 'breakout-b', when: 'display.offline', then: { type: 'http', method: 'POST', url: `${hooks.url}/b-gone`, body: '{{display.name}}' } },
          { id: 'main-gone', enabled: true, when: 'display.offline', then: { type: 'http', method: 'POST', url: `${hooks.url}/main-gone`, body: '{{display.name}}' } },
        ])
      ).status,
    ).toBe(200);
    const goAway = async (room: string, name: string) => {
      const { socket: console1 } = await connectSocket(server.url, server.tokens.control, room);
      const listed = new Promise<void>((resolve) => {
        const look = (list: { name: string }[]) => (list.some((d) => d.name === name) ? resolve() : console1.once('displays:update', look));
        console1.once('displays:update', look);
      });
      const { socket } = await connectSocket(server.url, roomTokens[room]!.view, room);
      socket.emit('display:hello', { view: 'speaker', name, language: 'en' });
      await listed;
      socket.close();
      console1.close();
    };
    await goAway('breakout-b', 'Breakout B lectern');
    expect((await hooks.nth('/b-gone', 1)).body).toBe('Breakout B lectern');
    await goAway('main', 'Main lectern');
    expect((await hooks.nth('/main-gone', 1)).body).toBe('Main lectern');
    expect(hooks.count('/b-gone')).toBe(1);
    expect(hooks.count('/main-gone')).toBe(1);
  });

  it('a removed room: its rule is kept and never fires, the list can still be saved, a new rule for it is refused; added again, the rule follows the new room without a restart', async () => {
    const bRule: AutomationRule = { id: 'b-start', enabled: true, room: 'breakout-b', when: 'item.started', then: { type: 'http', method: 'GET', url: `${hooks.url}/b-start?item={{item.id}}` } };
    expect((await putRules(server, [bRule])).status).toBe(200);
    expect((await removeRoom(server, 'breakout-b')).status).toBe(200);

    // Kept as it was saved; saving the list with it unchanged (the console sends the whole list) works.
    expect((await getRules(server)).rules).toEqual([bRule]);
    const other: AutomationRule = { id: 'other', enabled: false, when: 'item.paused', then: { type: 'message', text: 'paused' } };
    expect((await putRules(server, [bRule, other])).status).toBe(200);
    // A new rule for the removed room, or a rule moved to it, is refused.
    const moved = await putRules(server, [bRule, { ...other, room: 'breakout-b' }]);
    expect(moved.status).toBe(400);
    expect(moved.body.error?.path).toBe('rules.1.room');

    // Added again (same id, a fresh agenda): the saved rule follows it, no restart.
    const name = FIXTURE_ROOMS.rooms.find((r) => r.id === 'breakout-b')!.name;
    expect((await addRoom(server, { id: 'breakout-b', name })).status).toBe(200);
    await importFixture(server, 'breakout-b');
    const bItem = (await stateOf(server, 'breakout-b')).clock.currentItemId!;
    await command(server, 'breakout-b', { type: 'start' });
    expect((await hooks.nth('/b-start', 1)).url).toBe(`/b-start?item=${encodeURIComponent(bItem)}`);

    // Removed again: "fire now" says the room is gone, and the rule is still kept across a restart.
    expect((await removeRoom(server, 'breakout-b')).status).toBe(200);
    const fired = await fetch(`${server.url}/api/v1/automations/test`, { method: 'POST', headers: bearer(server.tokens.control), body: JSON.stringify({ rule: bRule }) });
    expect(await fired.json()).toEqual({ ok: false, error: 'room: no room "breakout-b"' });
    await server.stop();
    server = await server.restart();
    expect((await getRules(server)).rules).toEqual([bRule, other]);
    expect((await putRules(server, [bRule, other])).status).toBe(200);
    expect(hooks.count('/b-start')).toBe(1);
  });
});
