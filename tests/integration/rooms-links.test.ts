import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_PAGES, VIEWS } from '../../shared/contract/http';
import type { RoomLinks } from '../../shared/contract/network';
import type { RoomTokens } from '../../shared/contract/rooms';
import { lanAddresses } from '../../electron/server/lan-listeners';
import { setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, type TestSocket } from '../helpers/socket-client';

/**
 * A room's own console (#18, docs/rooms.md): its Network panel's display links come from
 * `GET /api/v1/rooms/<id>/network/links`, which the room's own control token may read, and which
 * carries that room's tokens only; the room's control token rotates the room's own tokens.
 * The server listens on every address (`--host 0.0.0.0`), so the links are on this machine's LAN address.
 */
const LAN = lanAddresses()[0];

let server: StartedServer;
let tokens: Record<string, RoomTokens>;

const get = async (path: string, token: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text() };
};
const post = async (path: string, body: unknown, token: string) => {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
};
const disconnected = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
/** Every token the server holds, but `room`'s own. */
const othersTokens = (room: string): string[] => [
  ...Object.entries(tokens)
    .filter(([id]) => id !== room)
    .flatMap(([, t]) => [t.control, t.booth, t.view]),
  server.tokens.control,
  server.tokens.booth,
  server.tokens.view,
];

beforeAll(async () => {
  server = await startServer({ args: ['--rate-limit', '100000', '--host', '0.0.0.0'] });
  tokens = await setUpFixtureRooms(server);
});
afterAll(async () => {
  await server?.stop();
});

describe("a room's display links", () => {
  it("answers breakout-a's own control token with breakout-a's links on /r/breakout-a/…, with its tokens and no other room's or main's", async () => {
    const a = tokens['breakout-a']!;
    const res = await get('/api/v1/rooms/breakout-a/network/links', a.control);
    expect(res.status).toBe(200);
    const links = JSON.parse(res.text) as RoomLinks;
    expect(links).toMatchObject({ ok: true, room: 'breakout-a', producer: false });
    const addresses = links.lan.addresses;
    if (LAN !== undefined) expect(addresses).toContain(LAN);
    const token = { moderator: a.control, speaker: a.view, booth: a.booth } as const;
    for (const view of VIEWS) {
      expect(links.localLinks[view]).toBe(`http://127.0.0.1:${server.port}/r/breakout-a/${view}?token=${token[view]}`);
      expect(links.links[view]).toEqual(addresses.map((ip) => `http://${ip}:${server.port}/r/breakout-a/${view}?token=${token[view]}`));
    }
    for (const page of OUTPUT_PAGES) {
      expect(links.localOutputLinks[page]).toBe(`http://127.0.0.1:${server.port}/r/breakout-a/${page}?token=${a.view}`);
      expect(links.outputLinks[page]).toHaveLength(addresses.length);
    }
    for (const other of othersTokens('breakout-a')) expect(res.text).not.toContain(other);
  });

  it("the producer's token gets the room's links too, and is told it is the producer's; today's path answers main's", async () => {
    const links = JSON.parse((await get('/api/v1/rooms/breakout-a/network/links', server.tokens.control)).text) as RoomLinks;
    expect(links).toMatchObject({ room: 'breakout-a', producer: true });
    expect(links.localLinks.speaker).toBe(`http://127.0.0.1:${server.port}/r/breakout-a/speaker?token=${tokens['breakout-a']!.view}`);
    const main = JSON.parse((await get('/api/v1/network/links', server.tokens.control)).text) as RoomLinks;
    expect(main).toMatchObject({ room: 'main', producer: true });
    expect(main.localLinks.speaker).toBe(`http://127.0.0.1:${server.port}/speaker?token=${server.tokens.view}`);
  });

  it("refuses another room's control token, the room's booth and view tokens, and breakout-a's token on main's path", async () => {
    const a = tokens['breakout-a']!;
    expect((await get('/api/v1/rooms/breakout-a/network/links', tokens['breakout-b']!.control)).status).toBe(403);
    expect((await get('/api/v1/rooms/breakout-b/network/links', a.control)).status).toBe(403);
    expect((await get('/api/v1/network/links', a.control)).status).toBe(403);
    expect((await get('/api/v1/rooms/breakout-a/network/links', a.view)).status).toBe(403);
    expect((await get('/api/v1/rooms/breakout-a/network/links', a.booth)).status).toBe(403);
  });

  it("a view link from the answer opens breakout-a's state", async () => {
    const links = JSON.parse((await get('/api/v1/rooms/breakout-a/network/links', tokens['breakout-a']!.control)).text) as RoomLinks;
    const speaker = new URL(links.localLinks.speaker);
    const page = await fetch(speaker);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const token = speaker.searchParams.get('token')!;
    const { socket, snapshot } = await connectSocket(server.url, token, 'breakout-a');
    socket.close();
    const own = JSON.parse((await get('/api/v1/rooms/breakout-a/state', server.tokens.control)).text) as typeof snapshot;
    const main = JSON.parse((await get('/api/v1/state', server.tokens.control)).text) as typeof snapshot;
    expect(snapshot.agenda).toEqual(own.agenda);
    expect(snapshot.agenda.title).not.toBe(main.agenda.title);
  });
});

describe("rotating a room's tokens from its own console", () => {
  it("breakout-a's control token rotates its view token: the old token's sockets are dropped and the new link works", async () => {
    const a = tokens['breakout-a']!;
    const viewer = (await connectSocket(server.url, a.view, 'breakout-a')).socket;
    const chair = (await connectSocket(server.url, a.control, 'breakout-a')).socket;
    const gone = disconnected(viewer);
    const rotated = await post('/api/v1/rooms/breakout-a/room/tokens/rotate', { role: 'view' }, a.control);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ ok: true, room: 'breakout-a', role: 'view', disconnected: 1 });
    expect(await gone).toBe('io server disconnect');
    expect(chair.connected).toBe(true);
    chair.close();
    const fresh = rotated.body['token'] as string;
    await expect(connectSocket(server.url, a.view, 'breakout-a')).rejects.toThrow(/unauthorized/);

    const links = JSON.parse((await get('/api/v1/rooms/breakout-a/network/links', a.control)).text) as RoomLinks;
    expect(links.localLinks.speaker).toBe(`http://127.0.0.1:${server.port}/r/breakout-a/speaker?token=${fresh}`);
    expect(links.localOutputLinks.clock).toBe(`http://127.0.0.1:${server.port}/r/breakout-a/clock?token=${fresh}`);
    (await connectSocket(server.url, new URL(links.localLinks.speaker).searchParams.get('token')!, 'breakout-a')).socket.close();
    tokens['breakout-a'] = { ...a, view: fresh };
  });

  it("breakout-a's control token rotating its own role: the new token works, the old one is refused", async () => {
    const a = tokens['breakout-a']!;
    const rotated = await post('/api/v1/rooms/breakout-a/room/tokens/rotate', { role: 'control' }, a.control);
    expect(rotated.status).toBe(200);
    const fresh = rotated.body['token'] as string;
    expect((await get('/api/v1/rooms/breakout-a/network/links', a.control)).status).toBe(401);
    expect((await get('/api/v1/rooms/breakout-a/network/links', fresh)).status).toBe(200);
    tokens['breakout-a'] = { ...a, control: fresh };
  });

  it("breakout-b's control token cannot rotate breakout-a's tokens, nor main's; nothing changes", async () => {
    const a = tokens['breakout-a']!;
    const refused = await post('/api/v1/rooms/breakout-a/room/tokens/rotate', { role: 'view' }, tokens['breakout-b']!.control);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toMatch(/belongs to room "breakout-b"/);
    expect((await post('/api/v1/room/tokens/rotate', { role: 'view' }, tokens['breakout-b']!.control)).status).toBe(403);
    expect((await post('/api/v1/tokens/rotate', { role: 'view' }, tokens['breakout-b']!.control)).status).toBe(403);
    const links = JSON.parse((await get('/api/v1/rooms/breakout-a/network/links', server.tokens.control)).text) as RoomLinks;
    expect(links.localLinks.speaker).toContain(`token=${a.view}`);
  });
});
