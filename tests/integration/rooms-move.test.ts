import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomTokens } from '../../shared/contract/rooms';
import type { Snapshot } from '../../shared/contract/state';
import { setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, nextEvent, sendCommand } from '../helpers/socket-client';

/**
 * Moving an item to another room (#18) against the real server: a speaker of breakout A moves to
 * breakout B with the item's id, notes and report entry; the current item is refused; a save that
 * fails (the target's or the source's) leaves both rooms as they were, also after a restart.
 */
let server: StartedServer;
let tokens: Record<string, RoomTokens>;

const call = async (path: string, body: unknown, token = server.tokens.control) => {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok?: boolean; error?: { code: string; message: string; path: string }; to?: { revision: number } } };
};
const stateOf = async (room: string): Promise<Snapshot> =>
  (await (await fetch(`${server.url}/api/v1/rooms/${room}/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot;
const ids = (s: Snapshot) => s.agenda.sessions.flatMap((x) => x.items.map((i) => i.id));
const move = (body: unknown, token?: string) => call('/api/v1/rooms/breakout-a/items/move', body, token);

beforeAll(async () => {
  server = await startServer({ args: ['--rate-limit', '100000'] });
  tokens = await setUpFixtureRooms(server);
});
afterAll(async () => {
  await server?.stop();
});

describe('moving an item to another room', () => {
  let first: string;
  let second: string;
  let targetSession: string;

  it('moves a played item with its id, notes and report entry; the target room\'s sockets get it', async () => {
    const a = await stateOf('breakout-a');
    [first, second] = ids(a) as [string, string];
    targetSession = (await stateOf('breakout-b')).agenda.sessions[0]!.id;
    // The first item runs, then the chair moves on: it has a report entry and is no longer current.
    const { socket } = await connectSocket(server.url, tokens['breakout-a']!.control, 'breakout-a');
    expect((await sendCommand(socket, { type: 'item.update', itemId: first, patch: { notes: 'Moved: bring the French slides' } })).ok).toBe(true);
    expect((await sendCommand(socket, { type: 'goto', itemId: first })).ok).toBe(true);
    expect((await sendCommand(socket, { type: 'start' })).ok).toBe(true);
    expect((await sendCommand(socket, { type: 'next' })).ok).toBe(true);
    socket.close();
    const record = (await stateOf('breakout-a')).report[first];
    expect(record?.actualStart).not.toBeNull();

    const { socket: inB } = await connectSocket(server.url, tokens['breakout-b']!.view, 'breakout-b');
    const patch = nextEvent(inB, 'state:patch');
    const moved = await move({ itemId: first, toRoom: 'breakout-b', toSessionId: targetSession });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ ok: true, from: { room: 'breakout-a' }, to: { room: 'breakout-b' } });
    expect((await patch).revision).toBe(moved.body.to!.revision);
    inB.close();

    const b = await stateOf('breakout-b');
    const item = b.agenda.sessions[0]!.items.find((i) => i.id === first);
    expect(item?.notes).toBe('Moved: bring the French slides');
    expect(b.report[first]).toEqual(record);
    const after = await stateOf('breakout-a');
    expect(ids(after)).not.toContain(first);
    expect(after.report[first]).toBeUndefined();
    // The room reports follow: the entry is in B's report now.
    const report = (await (await fetch(`${server.url}/api/v1/rooms/breakout-b/report?format=json`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as unknown;
    expect(JSON.stringify(report)).toContain(first);
  });

  it("refuses the current item of a running clock, saying why; a room's own control token may not move", async () => {
    const before = [(await stateOf('breakout-a')).revision, (await stateOf('breakout-b')).revision];
    const current = await move({ itemId: second, toRoom: 'breakout-b', toSessionId: targetSession });
    expect(current.status).toBe(409);
    expect(current.body.error).toMatchObject({ code: 'item-is-current', path: 'itemId' });
    expect(current.body.error!.message).toContain(`"${second}" is the current item of room "breakout-a" (its clock is running)`);
    const roomToken = await move({ itemId: second, toRoom: 'breakout-b', toSessionId: targetSession }, tokens['breakout-a']!.control);
    expect(roomToken.status).toBe(403);
    const noSession = await move({ itemId: ids(await stateOf('breakout-a'))[2], toRoom: 'breakout-b', toSessionId: 'nope' });
    expect(noSession.body.error).toMatchObject({ code: 'unknown-session', path: 'toSessionId' });
    expect([(await stateOf('breakout-a')).revision, (await stateOf('breakout-b')).revision]).toEqual(before);
  });

  it('rooms-move-half-saved: a save that fails (the target\'s, then the source\'s) changes neither room, also after a restart', async () => {
    const third = ids(await stateOf('breakout-a'))[2]!;
    const before = { a: ids(await stateOf('breakout-a')), b: ids(await stateOf('breakout-b')) };
    // A folder where the room's file is written first makes that write fail (EISDIR), as a full disk would.
    for (const dir of [join(server.dataDir, 'rooms', 'breakout-b'), join(server.dataDir, 'rooms', 'breakout-a')]) {
      const blocker = join(dir, 'state.json.tmp');
      mkdirSync(blocker);
      const failed = await move({ itemId: third, toRoom: 'breakout-b', toSessionId: targetSession });
      rmdirSync(blocker);
      expect(failed.status, dir).toBe(500);
      expect(failed.body.error).toMatchObject({ code: 'persist-failed' });
      expect(failed.body.error!.message).toContain('both rooms are unchanged');
      expect({ a: ids(await stateOf('breakout-a')), b: ids(await stateOf('breakout-b')) }).toEqual(before);
    }
    await server.stop();
    server = await server.restart();
    expect({ a: ids(await stateOf('breakout-a')), b: ids(await stateOf('breakout-b')) }).toEqual(before);
    expect(server.output()).not.toMatch(/was interrupted/);
  });
});
