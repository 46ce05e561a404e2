import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import { apiClient } from '../helpers/api-client';
import { FIXTURE_ROOMS, addRoom, roomTokens, setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, nextEvent, sendCommand, type TestSocket } from '../helpers/socket-client';
import type { RoomTokens } from '../../shared/contract/rooms';

/**
 * Rooms (#18) against the real server: the room list, per-room routes and tokens, one channel per
 * room over socket.io, persistence across a restart, and a corrupt room file that takes down no
 * other room. The sample is tests/fixtures/rooms (a plenary and two breakouts).
 */
const get = async (server: StartedServer, path: string, token?: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
};
const post = async (server: StartedServer, path: string, body: unknown, token?: string) => {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
};
const stateOf = async (server: StartedServer, room: string) => (await get(server, `/api/v1/rooms/${room}/state`, server.tokens.control)).body as unknown as Snapshot;

describe('rooms: a fresh data dir is one room, main', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists main, keeps today\'s state file and routes, and main\'s tokens are the venue\'s', async () => {
    const listed = await get(server, '/api/v1/rooms', server.tokens.view);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ rooms: [{ id: 'main', name: { en: 'Main room', zh: '主会场' } }] });
    expect(existsSync(join(server.dataDir, 'state.json'))).toBe(true);
    const today = await apiClient(server.url, server.tokens.control).state();
    expect(await stateOf(server, 'main')).toMatchObject({ revision: today.revision, agenda: today.agenda });
    expect(await roomTokens(server, 'main')).toEqual(server.tokens);
  });
});

describe('rooms: three rooms on one server', () => {
  let server: StartedServer;
  let tokens: Record<string, RoomTokens>;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    server = await startServer({ args: ['--rate-limit', '100000'] });
    tokens = await setUpFixtureRooms(server);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
  });

  it('lists the rooms with their names, each with its own agenda and its own tokens', async () => {
    const listed = await get(server, '/api/v1/rooms', tokens['breakout-b']!.view);
    expect((listed.body['rooms'] as { id: string }[]).map((r) => r.id)).toEqual(['main', 'breakout-a', 'breakout-b']);
    expect((listed.body['rooms'] as { name: unknown }[])[1]!.name).toEqual({ en: 'Breakout A', zh: '分会场 A' });
    expect((await stateOf(server, 'breakout-a')).agenda.title).toBe('Breakout A — Recycling technologies');
    expect((await stateOf(server, 'breakout-b')).agenda.sessions[0]!.items[2]!.speaker.localName).toBe('陈静');
    expect((await apiClient(server.url, server.tokens.control).state()).agenda.title).toBe('Circular Textiles Forum — Plenary');
    const all = Object.values(tokens).flatMap((t) => Object.values(t));
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses a room id that is not one, naming it; a room that exists; a room token adding rooms', async () => {
    const bad = await post(server, '/api/v1/rooms', { id: 'Salle B!', name: { en: 'B', zh: 'B' } }, server.tokens.control);
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^id: "Salle B!" must be/);
    const twice = await addRoom(server, { id: 'breakout-a', name: { en: 'A', zh: 'A' } });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toMatch(/already exists/);
    const noName = await post(server, '/api/v1/rooms', { id: 'c', name: { en: 'C' } }, server.tokens.control);
    expect(noName.body.error?.message).toBe('name.zh: must be a non-empty string');
    expect((await addRoom(server, { id: 'c', name: { en: 'C', zh: 'C' } }, tokens['breakout-a']!.control)).status).toBe(403);
    expect((await addRoom(server, { id: 'c', name: { en: 'C', zh: 'C' } }, server.tokens.booth)).status).toBe(403);
    expect((await get(server, '/api/v1/rooms/breakout-a/tokens', tokens['breakout-a']!.control)).status).toBe(403);
    expect((await get(server, '/api/v1/rooms/nowhere/state', server.tokens.control)).status).toBe(404);
    expect((await get(server, '/api/v1/rooms/breakout-a/network', server.tokens.control)).status).toBe(404);
  });

  it("a room's tokens act in their room only, over HTTP", async () => {
    const a = tokens['breakout-a']!;
    const mainBefore = (await stateOf(server, 'main')).revision;
    const bBefore = (await stateOf(server, 'breakout-b')).revision;
    expect((await post(server, '/api/v1/rooms/breakout-a/commands', { type: 'message.speaker', text: 'A only' }, a.control)).status).toBe(200);
    const inMain = await post(server, '/api/v1/commands', { type: 'message.speaker', text: 'not here' }, a.control);
    expect(inMain.status).toBe(403);
    expect(inMain.body.error?.message).toBe('this token belongs to room "breakout-a": it may not act in room "main"');
    expect((await post(server, '/api/v1/rooms/breakout-b/commands', { type: 'message.speaker', text: 'not here' }, a.control)).status).toBe(403);
    expect((await get(server, '/api/v1/rooms/breakout-b/state?token=' + a.view)).status).toBe(403);
    // The venue's booth token is main's.
    expect((await post(server, '/api/v1/rooms/breakout-a/commands', { type: 'booth.request', booth: 'fr', kind: 'slow-down' }, server.tokens.booth)).status).toBe(403);
    expect((await post(server, '/api/v1/rooms/breakout-a/commands', { type: 'booth.request', booth: 'fr', kind: 'slow-down' }, a.booth)).status).toBe(200);
    expect((await stateOf(server, 'main')).revision).toBe(mainBefore);
    expect((await stateOf(server, 'breakout-b')).revision).toBe(bBefore);
    expect((await stateOf(server, 'breakout-a')).messages.speaker?.text).toBe('A only');
    // The producer's token acts in every room.
    expect((await post(server, '/api/v1/rooms/breakout-b/commands', { type: 'message.speaker', text: 'from the producer' }, server.tokens.control)).status).toBe(200);
    expect((await stateOf(server, 'breakout-b')).messages.speaker?.text).toBe('from the producer');
  });

  it('a command in one room produces no patch in another (real socket.io clients)', async () => {
    const inA = await connectSocket(server.url, tokens['breakout-a']!.view, 'breakout-a');
    const inB = await connectSocket(server.url, tokens['breakout-b']!.view, 'breakout-b');
    const inMain = await connectSocket(server.url, server.tokens.view);
    sockets.push(inA.socket, inB.socket, inMain.socket);
    expect(inA.snapshot.agenda.title).toMatch(/^Breakout A/);
    expect(inB.snapshot.agenda.title).toMatch(/^Breakout B/);
    expect(inMain.snapshot.agenda.title).toMatch(/Plenary$/);
    const seen: Record<string, StatePatch[]> = { a: [], b: [], main: [] };
    inA.socket.on('state:patch', (p) => seen['a']!.push(p));
    inB.socket.on('state:patch', (p) => seen['b']!.push(p));
    inMain.socket.on('state:patch', (p) => seen['main']!.push(p));
    const control = await connectSocket(server.url, tokens['breakout-a']!.control, 'breakout-a');
    sockets.push(control.socket);
    const aPatch = nextEvent(inA.socket, 'state:patch');
    const ack = await sendCommand(control.socket, { type: 'start', expectedItemId: inA.snapshot.clock.currentItemId! });
    expect(ack.ok).toBe(true);
    expect((await aPatch).revision).toBe(ack.ok ? ack.revision : -1);
    // Then one command in each other room: the first patch each receives is its own room's.
    const bPatch = nextEvent(inB.socket, 'state:patch');
    const mainPatch = nextEvent(inMain.socket, 'state:patch');
    expect((await post(server, '/api/v1/rooms/breakout-b/commands', { type: 'message.booth', text: 'B' }, tokens['breakout-b']!.control)).status).toBe(200);
    expect((await post(server, '/api/v1/commands', { type: 'message.booth', text: 'main' }, server.tokens.control)).status).toBe(200);
    await Promise.all([bPatch, mainPatch]);
    expect(seen['b']!.map((p) => p.revision)).toEqual([(await stateOf(server, 'breakout-b')).revision]);
    expect(seen['main']!.map((p) => p.revision)).toEqual([(await stateOf(server, 'main')).revision]);
    expect(seen['a']!.map((p) => p.revision)).toEqual([(await stateOf(server, 'breakout-a')).revision]);
    expect((await stateOf(server, 'breakout-b')).clock.status).toBe('idle');
  });

  it("refuses a room's token at the handshake of another room, and an unknown room", async () => {
    await expect(connectSocket(server.url, tokens['breakout-a']!.control, 'breakout-b')).rejects.toThrow(/may not act in room "breakout-b"/);
    await expect(connectSocket(server.url, tokens['breakout-a']!.view)).rejects.toThrow(/may not act in room "main"/);
    await expect(connectSocket(server.url, server.tokens.booth, 'breakout-a')).rejects.toThrow(/room "main"/);
    await expect(connectSocket(server.url, server.tokens.control, 'nowhere')).rejects.toThrow(/no room "nowhere"/);
    const producer = await connectSocket(server.url, server.tokens.control, 'breakout-b');
    producer.socket.close();
    expect(producer.snapshot.agenda.title).toMatch(/^Breakout B/);
  });

  it('renames a room; removes one only with confirm=running while its clock runs, keeping its folder aside', async () => {
    const renamed = await post(server, '/api/v1/rooms/breakout-a/room/name', { name: { en: 'Salle A', zh: 'A 厅' } }, server.tokens.control);
    expect(renamed.status).toBe(200);
    expect(((await get(server, '/api/v1/rooms')).body['rooms'] as { id: string; name: unknown }[]).find((r) => r.id === 'breakout-a')!.name).toEqual({ en: 'Salle A', zh: 'A 厅' });
    expect((await post(server, '/api/v1/rooms/breakout-a/room/name', { name: { en: '', zh: 'x' } }, server.tokens.control)).body.error?.message).toBe('name.en: must be a non-empty string');
    expect((await post(server, '/api/v1/room/remove', {}, server.tokens.control)).body.error?.message).toBe('room: the main room cannot be removed');
    // A room to remove, with a display on it; breakout A's clock runs (the test above started it).
    expect((await addRoom(server, { id: 'spare', name: { en: 'Spare', zh: '备用' } })).status).toBe(200);
    const display = await connectSocket(server.url, server.tokens.control, 'spare');
    sockets.push(display.socket);
    const running = (await stateOf(server, 'breakout-a')).clock.status;
    expect(running).toBe('running');
    const refused = await post(server, '/api/v1/rooms/breakout-a/room/remove', {}, server.tokens.control);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/^confirm: the clock of room "breakout-a" is running/);
    const dropped = new Promise((resolve) => display.socket.once('disconnect', resolve));
    expect((await post(server, '/api/v1/rooms/spare/room/remove', {}, server.tokens.control)).status).toBe(200);
    await dropped;
    expect((await get(server, '/api/v1/rooms/spare/state', server.tokens.control)).status).toBe(404);
    expect(readdirSync(join(server.dataDir, 'rooms')).some((f) => f.startsWith('spare.removed-'))).toBe(true);
    expect(((await get(server, '/api/v1/rooms')).body['rooms'] as { id: string }[]).map((r) => r.id)).toEqual(['main', 'breakout-a', 'breakout-b']);
    // Renamed back for the tests below.
    await post(server, '/api/v1/rooms/breakout-a/room/name', { name: { en: 'Breakout A', zh: '分会场 A' } }, server.tokens.control);
  });

  it('keeps the rooms, their tokens and their state across a restart', async () => {
    const before = await stateOf(server, 'breakout-a');
    await server.stop();
    server = await server.restart();
    expect(await roomTokens(server, 'breakout-a')).toEqual(tokens['breakout-a']);
    const after = await stateOf(server, 'breakout-a');
    expect(after.revision).toBe(before.revision);
    expect(after.clock.status).toBe('running');
    expect(existsSync(join(server.dataDir, 'rooms', 'breakout-a', 'state.json'))).toBe(true);
  });

  it('a corrupt state file of one room is moved aside for that room only; the others run on', async () => {
    const mainBefore = await stateOf(server, 'main');
    const aBefore = await stateOf(server, 'breakout-a');
    await server.stop();
    const dir = join(server.dataDir, 'rooms', 'breakout-b');
    writeFileSync(join(dir, 'state.json'), '{"formatVersion":1,"state":{"revision":');
    server = await server.restart();
    expect(server.output()).toMatch(/WARNING: Room "breakout-b": The saved state could not be read/);
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
    // Its last good copy (kept at the previous complete start) is loaded.
    expect((await stateOf(server, 'breakout-b')).agenda.title).toMatch(/^Breakout B/);
    expect((await stateOf(server, 'main')).revision).toBe(mainBefore.revision);
    expect((await stateOf(server, 'breakout-a')).revision).toBe(aBefore.revision);
    const listed = await get(server, '/api/v1/rooms', server.tokens.control);
    expect((listed.body['rooms'] as unknown[]).length).toBe(FIXTURE_ROOMS.rooms.length);
    // The warning reaches that room's console, not the others'.
    const bConsole = await connectSocket(server.url, tokens['breakout-b']!.control, 'breakout-b');
    const aConsole = await connectSocket(server.url, tokens['breakout-a']!.control, 'breakout-a');
    bConsole.socket.close();
    aConsole.socket.close();
    expect(bConsole.snapshot.startupWarning).toMatch(/moved to/);
    expect(aConsole.snapshot.startupWarning ?? null).toBeNull();
  });
});
