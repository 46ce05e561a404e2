import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoomInfo, RoomTokens } from '../../shared/contract/rooms';
import { ROOT, type StartedServer } from './server-process';

/** The multi-room sample (tests/fixtures/rooms): a plenary (`main`) and two breakouts. */
export const ROOMS_FIXTURE = join(ROOT, 'tests', 'fixtures', 'rooms');
export const FIXTURE_ROOMS = JSON.parse(readFileSync(join(ROOMS_FIXTURE, 'rooms.json'), 'utf8')) as { rooms: (RoomInfo & { agenda: string })[] };
export const fixtureAgenda = (room: string): string => readFileSync(join(ROOMS_FIXTURE, FIXTURE_ROOMS.rooms.find((r) => r.id === room)!.agenda), 'utf8');

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function addRoom(server: StartedServer, room: RoomInfo, token = server.tokens.control): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/v1/rooms`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(room) });
  return { status: res.status, body: await res.json() };
}

export async function roomTokens(server: StartedServer, room: string): Promise<RoomTokens> {
  const res = await fetch(`${server.url}/api/v1/rooms/${room}/tokens`, { headers: bearer(server.tokens.control) });
  if (!res.ok) throw new Error(`GET /api/v1/rooms/${room}/tokens: ${res.status} ${await res.text()}`);
  return (await res.json()) as RoomTokens;
}

/** Imports the fixture's agenda for `room` into it (today's route for `main`), applied. */
export async function importFixture(server: StartedServer, room: string): Promise<void> {
  const path = room === 'main' ? '/api/v1/agenda/import' : `/api/v1/rooms/${room}/agenda/import`;
  const res = await fetch(`${server.url}${path}?format=json&apply=true&confirm=running`, { method: 'POST', headers: { ...bearer(server.tokens.control), 'content-type': 'application/octet-stream' }, body: fixtureAgenda(room) });
  if (!res.ok) throw new Error(`import into ${room}: ${res.status} ${await res.text()}`);
}

/** The three rooms of the sample on `server`, each with its agenda; returns each room's tokens. */
export async function setUpFixtureRooms(server: StartedServer): Promise<Record<string, RoomTokens>> {
  const tokens: Record<string, RoomTokens> = {};
  for (const room of FIXTURE_ROOMS.rooms) {
    if (room.id !== 'main') {
      const added = await addRoom(server, { id: room.id, name: room.name });
      if (added.status !== 200) throw new Error(`add room ${room.id}: ${added.status} ${JSON.stringify(added.body)}`);
    }
    await importFixture(server, room.id);
    tokens[room.id] = await roomTokens(server, room.id);
  }
  return tokens;
}
