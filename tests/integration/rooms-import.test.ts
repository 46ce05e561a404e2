import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResponse } from '../../shared/agenda-io/import-types';
import type { Snapshot } from '../../shared/contract/state';
import { ROOMS_FIXTURE, addRoom, roomTokens } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * Import with a `room` column (#18): a three-room CSV, and the same file saved by LibreOffice as
 * XLSX, fill the three rooms at once (rows without a room fill the room imported into); a file
 * without the column fills one room, as before; errors name row and column; nothing changes on error.
 */
const file = (name: string) => readFileSync(join(ROOMS_FIXTURE, name));

describe('import with a room column', () => {
  let server: StartedServer;
  const state = async (room: string) => (await (await fetch(`${server.url}/api/v1/rooms/${room}/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot;
  const post = async (path: string, body: Uint8Array | string, token = server.tokens.control) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body });
    return { status: res.status, body: (await res.json()) as ImportResponse & { error?: { message: string; path: string } } };
  };

  beforeAll(async () => {
    server = await startServer();
    for (const [id, en, zh] of [['breakout-a', 'Breakout A', '分会场 A'], ['breakout-b', 'Breakout B', '分会场 B']] as const) {
      expect((await addRoom(server, { id, name: { en, zh } })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`a three-room ${format.toUpperCase()} fills the three rooms at once`, async () => {
      const preview = await post(`/api/v1/agenda/import?format=${format}`, file(`three-rooms.${format}`));
      expect(preview.status).toBe(200);
      expect(preview.body.errors).toEqual([]);
      expect(preview.body.rooms?.map((r) => r.room)).toEqual(['breakout-a', 'breakout-b']);
      expect(Object.keys(preview.body.byRoom ?? {})).toEqual(['breakout-a', 'breakout-b']);
      expect(preview.body.byRoom!['breakout-b']!.agenda!.sessions.map((s) => s.id)).toEqual(['bb-morning', 'bb-afternoon']);
      const res = await post(`/api/v1/agenda/import?format=${format}&apply=true&confirm=running`, file(`three-rooms.${format}`));
      expect(res.status, JSON.stringify(res.body.error)).toBe(200);
      expect(res.body.applied).toBe(true);
      expect((await state('main')).agenda.sessions.map((s) => s.id)).toEqual(['pl-open', 'pl-close']);
      const a = await state('breakout-a');
      expect(a.agenda.sessions.map((s) => s.id)).toEqual(['ba-morning', 'ba-afternoon']);
      expect(a.agenda.sessions[0]!.items.map((i) => i.speaker.name)).toEqual(['Marc Lefèvre', 'Anna Schmidt', 'Sophie Martin', '']);
      expect((await state('breakout-b')).agenda.sessions[0]!.items[2]!.speaker.localName).toBe('陈静');
    });
  }

  it('refuses a room the event does not have, naming its row; nothing changes', async () => {
    const before = await Promise.all(['main', 'breakout-a'].map(async (r) => (await state(r)).revision));
    const csv = file('three-rooms.csv').toString('utf8').replace(/\r\nbreakout-b,/, '\r\nbreakout-z,');
    const res = await post('/api/v1/agenda/import?format=csv&apply=true&confirm=running', csv);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^room: row 14 names the room "breakout-z", which this event does not have/);
    expect(await Promise.all(['main', 'breakout-a'].map(async (r) => (await state(r)).revision))).toEqual(before);
  });

  it("an error in one room's rows names its row and column, and no room changes", async () => {
    const before = await Promise.all(['main', 'breakout-a', 'breakout-b'].map(async (r) => (await state(r)).revision));
    const lines = file('three-rooms.csv').toString('utf8').split('\r\n');
    // Row 15: breakout B's second item, its duration made nonsense.
    expect(lines[14]).toMatch(/^breakout-b,.*,bb-epr-eu,.*,25,en,/);
    lines[14] = lines[14]!.replace(/,25,en,/, ',soon,en,');
    const res = await post('/api/v1/agenda/import?format=csv&apply=true&confirm=running', lines.join('\r\n'));
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^room "breakout-b": /);
    const problem = res.body.byRoom!['breakout-b']!.errors[0]!;
    expect([problem.row, problem.column]).toEqual([15, 'duration']);
    expect(await Promise.all(['main', 'breakout-a', 'breakout-b'].map(async (r) => (await state(r)).revision))).toEqual(before);
  });

  it("a room's token imports into its own room only", async () => {
    const a = await roomTokens(server, 'breakout-a');
    const res = await post('/api/v1/rooms/breakout-a/agenda/import?format=csv&apply=true&confirm=running', file('three-rooms.csv'), a.control);
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/names the room "breakout-b", which this token may not act in/);
  });
});
