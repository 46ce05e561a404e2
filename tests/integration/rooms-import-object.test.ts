import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ImportResponse } from '../../shared/agenda-io/import-types';
import type { Snapshot } from '../../shared/contract/state';
import { ROOMS_FIXTURE, addRoom } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * JSON and YAML imports with a `room` field (#18), as the CSV's `room` column: a session's `room` is
 * its items' room, an item's own `room` wins, what has none fills the room imported into. One file
 * fills the three rooms of the sample; errors name the file's own path (and, in YAML, its line).
 */
type AgendaFile = { sessions: Record<string, unknown>[] } & Record<string, unknown>;
const agendaOf = (name: string) => JSON.parse(readFileSync(join(ROOMS_FIXTURE, name), 'utf8')) as AgendaFile;

/** The plenary's sessions without a room, then breakout A's and B's, each session naming its room. */
function threeRooms(): AgendaFile {
  const plenary = agendaOf('plenary.json');
  const inRoom = (name: string, room: string) => agendaOf(name).sessions.map((s) => ({ ...s, room }));
  return { ...plenary, sessions: [...plenary.sessions, ...inRoom('breakout-a.json', 'breakout-a'), ...inRoom('breakout-b.json', 'breakout-b')] };
}

describe('JSON and YAML import with a room field', () => {
  let server: StartedServer;
  const state = async (room: string) => (await (await fetch(`${server.url}/api/v1/rooms/${room}/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot;
  const post = async (path: string, body: string) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/octet-stream' }, body });
    return { status: res.status, body: (await res.json()) as ImportResponse & { error?: { message: string; path: string } } };
  };
  const revisions = () => Promise.all(['main', 'breakout-a', 'breakout-b'].map(async (r) => (await state(r)).revision));

  beforeAll(async () => {
    server = await startServer();
    for (const [id, en, zh] of [['breakout-a', 'Breakout A', '分会场 A'], ['breakout-b', 'Breakout B', '分会场 B']] as const) {
      expect((await addRoom(server, { id, name: { en, zh } })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const format of ['json', 'yaml'] as const) {
    const text = (value: unknown) => (format === 'json' ? JSON.stringify(value, null, 2) : stringify(value));
    it(`a three-room ${format.toUpperCase()} file fills the three rooms at once`, async () => {
      const preview = await post(`/api/v1/agenda/import?format=${format}`, text(threeRooms()));
      expect(preview.status).toBe(200);
      expect(preview.body.errors).toEqual([]);
      expect(preview.body.rooms?.map((r) => [r.room, r.path])).toEqual([
        ['breakout-a', format === 'json' ? 'sessions.2.room' : expect.stringMatching(/^line \d+, sessions\.2\.room$/)],
        ['breakout-b', format === 'json' ? 'sessions.4.room' : expect.stringMatching(/^line \d+, sessions\.4\.room$/)],
      ]);
      const res = await post(`/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, text(threeRooms()));
      expect(res.status, JSON.stringify(res.body.error)).toBe(200);
      expect((await state('main')).agenda.sessions.map((s) => s.id)).toEqual(['pl-open', 'pl-close']);
      expect((await state('breakout-a')).agenda.sessions.map((s) => s.id)).toEqual(['ba-morning', 'ba-afternoon']);
      const b = await state('breakout-b');
      expect(b.agenda.sessions.map((s) => s.id)).toEqual(['bb-morning', 'bb-afternoon']);
      expect(b.agenda.sessions[0]!.items[2]!.speaker.localName).toBe('陈静');
    });

    it(`${format.toUpperCase()}: an item's own room wins over its session's`, async () => {
      const file = threeRooms();
      const items = file.sessions[2]!['items'] as Record<string, unknown>[];
      // Breakout A's second speaker moves to breakout B: the session appears in both, each with its items.
      items[1] = { ...items[1], room: 'breakout-b' };
      const res = await post(`/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, text(file));
      expect(res.status, JSON.stringify(res.body.error)).toBe(200);
      const a = (await state('breakout-a')).agenda.sessions[0]!;
      expect(a.items.map((i) => i.id)).not.toContain(items[1]!['id']);
      const inB = (await state('breakout-b')).agenda.sessions.find((s) => s.id === 'ba-morning');
      expect(inB?.items.map((i) => i.id)).toEqual([items[1]!['id']]);
    });

    it(`${format.toUpperCase()}: errors name the file's own path, and no room changes`, async () => {
      const before = await revisions();
      const file = threeRooms();
      // Breakout B's first session, second item (the file's sessions.4.items.1): a duration that is none.
      (file.sessions[4]!['items'] as Record<string, unknown>[])[1]!['durationSec'] = 'soon';
      const res = await post(`/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, text(file));
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toMatch(/^room "breakout-b": /);
      const problem = res.body.byRoom!['breakout-b']!.errors[0]!;
      expect(problem.column).toBe('sessions.4.items.1.durationSec');
      if (format === 'yaml') expect(problem.line).toBeGreaterThan(0);

      const badRoom = threeRooms();
      badRoom.sessions[3] = { ...badRoom.sessions[3], room: 7 };
      const refused = await post(`/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, text(badRoom));
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]!.message).toMatch(/sessions\.3\.room: room must be a room id/);

      const unknown = threeRooms();
      unknown.sessions[4] = { ...unknown.sessions[4], room: 'breakout-z' };
      const noRoom = await post(`/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, text(unknown));
      expect(noRoom.status).toBe(400);
      expect(noRoom.body.error?.message).toMatch(/^room: (line \d+, )?sessions\.4\.room names the room "breakout-z", which this event does not have/);
      expect(await revisions()).toEqual(before);
    });
  }

  it('a file with no room field fills the room it is imported into, as before', async () => {
    const res = await post('/api/v1/rooms/breakout-a/agenda/import?format=json&apply=true&confirm=running', JSON.stringify(agendaOf('breakout-a.json')));
    expect(res.status).toBe(200);
    expect(res.body.rooms).toBeUndefined();
    expect((await state('breakout-a')).agenda.sessions.map((s) => s.id)).toEqual(['ba-morning', 'ba-afternoon']);
  });

  it('the whole event exports in one file (JSON, CSV, XLSX) that imports back into the same rooms', async () => {
    expect((await post('/api/v1/agenda/import?format=json&apply=true&confirm=running', JSON.stringify(threeRooms()))).status).toBe(200);
    const sessionsOf = async () => Promise.all(['main', 'breakout-a', 'breakout-b'].map(async (r) => (await state(r)).agenda.sessions));
    const before = await sessionsOf();
    for (const format of ['json', 'csv', 'xlsx'] as const) {
      const res = await fetch(`${server.url}/api/v1/event/export?format=${format}`, { headers: { authorization: `Bearer ${server.tokens.control}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="event-agenda-2026-05-14\.(json|csv|xlsx)"$/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (format === 'json') {
        const file = JSON.parse(new TextDecoder().decode(bytes)) as AgendaFile;
        expect(file.sessions.map((s) => s['room'])).toEqual(['main', 'main', 'breakout-a', 'breakout-a', 'breakout-b', 'breakout-b']);
      }
      // Each room cleared, then the event's file imported into main: every room is as it was.
      for (const room of ['main', 'breakout-a', 'breakout-b']) {
        const empty = { ...agendaOf('plenary.json'), sessions: [] };
        expect((await post(`/api/v1/rooms/${room}/agenda/import?format=json&apply=true&confirm=running`, JSON.stringify(empty))).status).toBe(200);
      }
      const res2 = await fetch(`${server.url}/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/octet-stream' }, body: bytes });
      expect(res2.status, `${format}: ${await res2.clone().text()}`).toBe(200);
      expect(await sessionsOf(), format).toEqual(before);
    }
    const bad = await fetch(`${server.url}/api/v1/event/export?format=pdf`, { headers: { authorization: `Bearer ${server.tokens.control}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('format: must be one of csv, xlsx, json');
  });
});
