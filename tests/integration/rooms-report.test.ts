import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/agenda-io/csv';
import type { RoomTokens } from '../../shared/contract/rooms';
import type { EventReport } from '../../shared/report/event-report';
import type { TimingReport } from '../../shared/report/timing-report';
import { setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';

/** Reports with rooms (#18): each room's own report, and the event report with a row per room. */
describe('a report per room and the event report', () => {
  let server: StartedServer;
  let tokens: Record<string, RoomTokens>;
  const get = (path: string, token = server.tokens.control) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const command = (room: string, body: unknown) =>
    fetch(`${server.url}/api/v1/rooms/${room}/commands`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    server = await startServer();
    tokens = await setUpFixtureRooms(server);
    // Breakout A runs its first item and moves on to the second (running): two items ran there, none elsewhere.
    expect((await command('breakout-a', { type: 'start', expectedItemId: 'ba-intro' })).status).toBe(200);
    expect((await command('breakout-a', { type: 'next', expectedItemId: 'ba-intro' })).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("each room's report is its own", async () => {
    const a = (await (await get('/api/v1/rooms/breakout-a/report?format=json')).json()) as TimingReport;
    const b = (await (await get('/api/v1/rooms/breakout-b/report?format=json', tokens['breakout-b']!.view)).json()) as TimingReport;
    expect(a.title).toBe('Breakout A — Recycling technologies');
    expect(a.totals.ran).toBe(2);
    expect(a.sessions[0]!.items[0]!.status).toBe('done');
    expect(b.title).toBe('Breakout B — Policy and standards');
    expect(b.totals.ran).toBe(0);
    expect((await get('/api/v1/rooms/breakout-b/report?format=csv', tokens['breakout-a']!.view)).status).toBe(403);
  });

  it('the event report has a row per room, planned against actual, and the sums', async () => {
    const res = await get('/api/v1/event/report');
    expect(res.status).toBe(200);
    const report = (await res.json()) as EventReport;
    expect(report.rooms.map((r) => [r.roomId, r.title, r.totals.ran])).toEqual([
      ['main', 'Circular Textiles Forum — Plenary', 0],
      ['breakout-a', 'Breakout A — Recycling technologies', 2],
      ['breakout-b', 'Breakout B — Policy and standards', 0],
    ]);
    // Planned against actual, over the items that ran (as each room's report): breakout A's first two.
    expect(report.rooms[0]!.totals.plannedDurationMs).toBe(0);
    expect(report.rooms[1]!.totals.plannedDurationMs).toBe((300 + 1500) * 1000);
    expect(report.rooms[1]!.totals.plannedStart).not.toBeNull();
    expect(report.totals.plannedDurationMs).toBe(report.rooms.reduce((n, r) => n + r.totals.plannedDurationMs, 0));
    expect(report.totals.ran).toBe(2);

    const csv = await get('/api/v1/event/report?format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="rostrum-event-report-\d{4}-\d{2}-\d{2}\.csv"/);
    const parsed = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    if (!parsed.ok) throw new Error('unreadable CSV');
    const rows = parsed.records.map((r) => r.fields);
    expect(rows[0]!.slice(0, 5)).toEqual(['row_type', 'room_id', 'room_en', 'room_zh', 'title']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['room', 'main', '主会场'],
      ['room', 'breakout-a', '分会场 A'],
      ['room', 'breakout-b', '分会场 B'],
      ['event', '', ''],
    ]);
  });

  it("is the producer's: a room's token, even main's view token, is refused", async () => {
    expect((await get('/api/v1/event/report', tokens['breakout-a']!.control)).status).toBe(403);
    expect((await get('/api/v1/event/report', server.tokens.view)).status).toBe(403);
    expect((await get('/api/v1/event/report?format=pdf')).status).toBe(400);
  });
});
