import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomTokens } from '../../shared/contract/rooms';
import { addRoom, roomTokens } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, type TestSocket } from '../helpers/socket-client';

/**
 * Rooms (#18) against the real server: the producer reorders the rooms (kept in rooms.json across a
 * restart) and rotates a room's own tokens: the old token is refused at once, over HTTP and at the
 * handshake, and the room's sockets that used it are disconnected; nothing else is.
 */
let server: StartedServer;
const post = async (path: string, body: unknown, token = server.tokens.control) => {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; path: string } } };
};
const listed = async () => ((await (await fetch(`${server.url}/api/v1/rooms`, { headers: { authorization: `Bearer ${server.tokens.view}` } })).json()) as { rooms: { id: string }[] }).rooms.map((r) => r.id);
const disconnected = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

beforeAll(async () => {
  server = await startServer({ args: ['--rate-limit', '100000'] });
  for (const [id, en, zh] of [['breakout-a', 'Breakout A', '分会场 A'], ['breakout-b', 'Breakout B', '分会场 B']] as const) {
    expect((await addRoom(server, { id, name: { en, zh } })).status).toBe(200);
  }
});
afterAll(async () => {
  await server?.stop();
});

describe('reordering rooms', () => {
  it('puts the rooms in the order given, keeps it across a restart; refuses an order that is not one, naming why', async () => {
    const done = await post('/api/v1/rooms/order', { order: ['main', 'breakout-b', 'breakout-a'] });
    expect(done.status).toBe(200);
    expect(await listed()).toEqual(['main', 'breakout-b', 'breakout-a']);

    for (const [order, message] of [
      [['main', 'breakout-b'], 'order: must name every room once (missing "breakout-a")'],
      [['main', 'breakout-b', 'breakout-a', 'breakout-a'], 'order: must name every room once (a room is named twice)'],
      [['breakout-a', 'main', 'breakout-b'], 'order: the main room stays first'],
      [['main', 'breakout-b', 'breakout-z'], 'order: no room "breakout-z"'],
      ['main', 'order: must be a list of room ids'],
    ] as const) {
      const refused = await post('/api/v1/rooms/order', { order });
      expect(refused.status, message).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid', path: 'order', message });
    }
    const a = await roomTokens(server, 'breakout-a');
    expect((await post('/api/v1/rooms/order', { order: ['main', 'breakout-a', 'breakout-b'] }, a.control)).status).toBe(403);
    expect(await listed()).toEqual(['main', 'breakout-b', 'breakout-a']);

    await server.stop();
    server = await server.restart();
    expect(await listed()).toEqual(['main', 'breakout-b', 'breakout-a']);
  });
});

describe("rotating a room's own tokens", () => {
  let before: Record<string, RoomTokens>;
  beforeAll(async () => {
    before = { a: await roomTokens(server, 'breakout-a'), b: await roomTokens(server, 'breakout-b') };
  });

  it("rooms-rotated-token: refuses the old token at once and disconnects the room's sockets that used it; the producer's and the other room's stay", async () => {
    const viewer = (await connectSocket(server.url, before['a']!.view, 'breakout-a')).socket;
    const chair = (await connectSocket(server.url, before['a']!.control, 'breakout-a')).socket;
    const producer = (await connectSocket(server.url, server.tokens.control, 'breakout-a')).socket;
    const otherRoom = (await connectSocket(server.url, before['b']!.view, 'breakout-b')).socket;
    const gone = disconnected(viewer);

    const rotated = await post('/api/v1/rooms/breakout-a/room/tokens/rotate', { role: 'view' });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ ok: true, room: 'breakout-a', role: 'view', disconnected: 1 });
    const fresh = rotated.body['token'] as string;
    expect(fresh).not.toBe(before['a']!.view);
    expect(await gone).toBe('io server disconnect');
    expect([chair.connected, producer.connected, otherRoom.connected]).toEqual([true, true, true]);

    expect(await roomTokens(server, 'breakout-a')).toEqual({ ...before['a'], view: fresh });
    const read = (token: string) => fetch(`${server.url}/api/v1/rooms/breakout-a/state`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await read(before['a']!.view)).toBe(401);
    expect(await read(fresh)).toBe(200);
    await expect(connectSocket(server.url, before['a']!.view, 'breakout-a')).rejects.toThrow(/unauthorized/);
    (await connectSocket(server.url, fresh, 'breakout-a')).socket.close();
    for (const s of [chair, producer, otherRoom]) s.close();

    // Kept across a restart.
    await server.stop();
    server = await server.restart();
    expect(await roomTokens(server, 'breakout-a')).toEqual({ ...before['a'], view: fresh });
    expect(await roomTokens(server, 'breakout-b')).toEqual(before['b']);
  });

  it("refuses main (the venue's tokens), a role that is not one, and another room's control token", async () => {
    const main = await post('/api/v1/rooms/main/room/tokens/rotate', { role: 'view' });
    expect(main.status).toBe(400);
    expect(main.body.error?.message).toMatch(/main room's tokens are the venue's; rotate them with POST \/api\/v1\/tokens\/rotate/);
    expect((await post('/api/v1/rooms/breakout-b/room/tokens/rotate', { role: 'producer' })).body.error).toMatchObject({ path: 'role' });
    expect((await post('/api/v1/rooms/breakout-b/room/tokens/rotate', { role: 'view' }, before['a']!.control)).status).toBe(403);
    expect(await roomTokens(server, 'breakout-b')).toEqual(before['b']);
  });
});
