import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomTokens } from '../../shared/contract/rooms';
import type { Snapshot } from '../../shared/contract/state';
import { addRoom, roomTokens } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket } from '../helpers/socket-client';

/**
 * Rooms (#18) attacked, for docs/security.md's "Attack → result" table (each test's name starts with
 * its row's id): a room's token used in another room, a room id that is a path trick, and removing
 * `main`. Against the real server; nothing may change, and no file may be written outside the data dir's rooms.
 */
let server: StartedServer;
let a: RoomTokens;
const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text };
};
/** A request sent with its path exactly as written: fetch would resolve `..` before sending. */
const raw = (method: string, path: string, token: string, body?: unknown) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const url = new URL(server.url);
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
const revisions = async () =>
  Promise.all(['main', 'breakout-a', 'breakout-b'].map(async (room) => ((await (await fetch(`${server.url}/api/v1/rooms/${room}/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot).revision));

beforeAll(async () => {
  server = await startServer({ args: ['--rate-limit', '100000'] });
  for (const [id, en, zh] of [['breakout-a', 'Breakout A', '分会场 A'], ['breakout-b', 'Breakout B', '分会场 B']] as const) {
    expect((await addRoom(server, { id, name: { en, zh } })).status).toBe(200);
  }
  a = await roomTokens(server, 'breakout-a');
});
afterAll(async () => {
  await server?.stop();
});

describe('rooms under attack', () => {
  it("rooms-token-other-room: a room's tokens are refused in another room, over HTTP and at the handshake; nothing changes", async () => {
    const before = await revisions();
    for (const role of ['control', 'booth', 'view'] as const) {
      for (const path of ['/api/v1/rooms/breakout-b/state', '/api/v1/state', '/api/v1/rooms/breakout-b/report?format=json']) {
        const res = await call('GET', path, a[role]);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.text).toMatch(/room \\?"breakout-a\\?"/);
      }
      expect((await call('POST', '/api/v1/rooms/breakout-b/commands', a[role], { type: 'message.booth', text: 'x' })).status).toBe(403);
      await expect(connectSocket(server.url, a[role], 'breakout-b')).rejects.toThrow(/forbidden|may not act/);
    }
    // The producer's routes: a room's control token may not read another room's tokens, nor the event's.
    expect((await call('GET', '/api/v1/rooms/breakout-b/tokens', a.control)).status).toBe(403);
    expect((await call('GET', '/api/v1/event/export?format=json', a.control)).status).toBe(403);
    expect(await revisions()).toEqual(before);
  });

  it('rooms-id-path-trick: a room id that is a path trick (.., %2E%2E, %2F) reaches no room and writes no file', async () => {
    const before = await revisions();
    // Dot segments (`..`, and `%2E%2E`, which URLs treat alike) are resolved as in any URL before routing, so they only name another route,
    // with that route's own rule: breakout A's token still reaches only breakout A.
    for (const path of ['/api/v1/rooms/breakout-a/../breakout-b/state', '/api/v1/rooms/breakout-a/../../state', '/api/v1/rooms/breakout-a/./../breakout-b/commands', '/api/v1/rooms/breakout-a/%2E%2E/breakout-b/state']) {
      const res = await raw(path.endsWith('commands') ? 'POST' : 'GET', path, a.control, path.endsWith('commands') ? { type: 'message.booth', text: 'trick' } : undefined);
      expect(res.status, path).toBe(403);
    }
    // Encoded ones are never decoded into a path: no room has such an id.
    for (const id of ['..%2F..', 'main%2F..', 'breakout-a%2F..%2Fbreakout-b', '%2F', 'a%00', 'MAIN', '%20main', '.%2E.']) {
      const read = await raw('GET', `/api/v1/rooms/${id}/state`, server.tokens.control);
      expect(read.status, id).toBeGreaterThanOrEqual(400);
      expect(read.status, id).toBeLessThan(500);
      const write = await raw('POST', `/api/v1/rooms/${id}/commands`, server.tokens.control, { type: 'message.booth', text: 'trick' });
      expect(write.status, id).toBeGreaterThanOrEqual(400);
      expect(write.status, id).toBeLessThan(500);
      await expect(connectSocket(server.url, server.tokens.control, decodeURIComponent(id)), id).rejects.toThrow(/no room|not-found|invalid/);
    }
    // Adding a room with such an id is refused, naming the field.
    for (const id of ['..', '../x', 'a/b', '.hidden', 'main/..', 'UPPER', 'a'.repeat(33)]) {
      const added = await call('POST', '/api/v1/rooms', server.tokens.control, { id, name: { en: 'X', zh: 'X' } });
      expect(added.status, id).toBe(400);
      expect(added.text).toMatch(/"path":"id"/);
    }
    // A view path with a trick serves no room's page.
    expect((await raw('GET', '/r/../moderator', server.tokens.view)).status).not.toBe(500);
    expect(readdirSync(join(server.dataDir, 'rooms')).sort()).toEqual(['breakout-a', 'breakout-b']);
    expect(existsSync(join(server.dataDir, '..', 'state.json'))).toBe(false);
    expect(await revisions()).toEqual(before);
  });

  it('rooms-remove-main: removing the main room is refused, by any path and token; it stays with its state', async () => {
    const before = await revisions();
    for (const path of ['/api/v1/rooms/main/room/remove', '/api/v1/room/remove', '/api/v1/rooms/main/room/remove?confirm=running']) {
      const res = await call('POST', path, server.tokens.control);
      expect(res.status, path).toBe(400);
      expect(res.text).toMatch(/the main room cannot be removed/);
    }
    expect((await call('POST', '/api/v1/rooms/main/room/remove', a.control)).status).toBe(403);
    expect((await call('POST', '/api/v1/rooms/main/room/remove', server.tokens.booth)).status).toBe(403);
    const listed = JSON.parse((await call('GET', '/api/v1/rooms', server.tokens.view)).text) as { rooms: { id: string }[] };
    expect(listed.rooms.map((r) => r.id)).toEqual(['main', 'breakout-a', 'breakout-b']);
    expect(existsSync(join(server.dataDir, 'state.json'))).toBe(true);
    expect(await revisions()).toEqual(before);
  });
});
