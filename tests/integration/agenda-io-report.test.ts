/**
 * A scripted run of the sample event through the HTTP API, with short durations, and the timing
 * report it yields. The waits below ARE the script (how long each speaker talks), not
 * synchronisation: each command's answer is awaited before the next one.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract/commands';
import type { ReportItem, TimingReport } from '../../shared/report/timing-report';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

/** The tolerance between what was scripted and what the report says. */
const TOLERANCE_MS = 200;

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const getReport = async (): Promise<TimingReport> => (await (await fetch(`${server.url}/api/v1/report?format=json`)).json()) as TimingReport;
const byId = (r: TimingReport) => new Map<string, ReportItem>(r.sessions.flatMap((s) => s.items).map((i) => [i.itemId, i]));

describe('timing report of a scripted run of the sample event (real server)', () => {
  /** How long each item ran, by the script (pauses excluded). */
  const scripted: Record<string, number> = {};
  const scriptedPauses: Record<string, number> = {};

  beforeAll(async () => {
    const api = apiClient(server.url, server.tokens.control);
    const send = async (cmd: CommandInput) => {
      const res = await api.command(cmd);
      if (res.status !== 200) throw new Error(`${JSON.stringify(cmd)}: ${JSON.stringify(res.body)}`);
    };
    // Short durations, so that some items run over and some under.
    for (const [itemId, durationSec] of [
      ['open-local-gov', 1],
      ['open-cao', 2],
      ['open-lee', 1],
    ] as const) {
      await send({ type: 'item.update', itemId, patch: { durationSec } });
    }
    await send({ type: 'skip', itemId: 'open-sun', skipped: true });

    // The script is a timeline: each command is sent at its offset from the start, so that
    // the time a request takes does not add up from one command to the next.
    const t0 = performance.now();
    let offset = 0;
    const after = async (ms: number, cmd: CommandInput) => {
      offset += ms;
      const delay = t0 + offset - performance.now();
      if (delay > 0) await wait(delay);
      await send(cmd);
    };
    await after(0, { type: 'start', expectedItemId: 'open-local-gov' });
    await after(1200, { type: 'next', expectedItemId: 'open-local-gov' });
    scripted['open-local-gov'] = 1200;
    await after(500, { type: 'pause', expectedItemId: 'open-cao' });
    await after(400, { type: 'resume', expectedItemId: 'open-cao' });
    await after(0, { type: 'adjust', seconds: 30, expectedItemId: 'open-cao' });
    await after(700, { type: 'next', expectedItemId: 'open-cao' });
    scripted['open-cao'] = 500 + 700;
    scriptedPauses['open-cao'] = 400;
    // Session I is passed over: Martinez, Sharpe and Yoon are not reached.
    await after(600, { type: 'goto', itemId: 's1-wang', expectedItemId: 'open-lee' });
    scripted['open-lee'] = 600;
    await after(900, { type: 'goto', itemId: 'close-chen', expectedItemId: 's1-wang' });
    scripted['s1-wang'] = 900;
    await after(800, { type: 'next', expectedItemId: 'close-chen' }); // the end
    scripted['close-chen'] = 800;
  });

  it('gives actual durations that match the script within 0.2 s', async () => {
    const report = await getReport();
    expect(report.clockStatus).toBe('ended');
    const items = byId(report);
    for (const [itemId, ms] of Object.entries(scripted)) {
      const item = items.get(itemId)!;
      expect(item.status, itemId).toBe('done');
      expect(Math.abs(item.actualDurationMs! - ms), `${itemId}: ${item.actualDurationMs} ms, scripted ${ms} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
      expect(Math.abs(item.actualEnd! - item.actualStart! - ms - (scriptedPauses[itemId] ?? 0)), itemId).toBeLessThanOrEqual(TOLERANCE_MS);
    }
    const cao = items.get('open-cao')!;
    expect(cao.addedMs).toBe(30_000);
    expect(cao.pauses).toHaveLength(1);
    expect(Math.abs(cao.pausedMs - 400)).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(Math.abs(items.get('open-local-gov')!.overUnderMs! - (1200 - 1000))).toBeLessThanOrEqual(TOLERANCE_MS);
  });

  it('lists skipped and not-reached items apart and keeps them out of the totals', async () => {
    const report = await getReport();
    expect(report.skipped.map((i) => i.itemId)).toEqual(['open-sun']);
    expect(report.notReached.map((i) => i.itemId)).toEqual(['s1-martinez', 's1-sharpe', 's1-yoon', 's2-humen-enterprise', 's2-hur', 's2-tang', 's2-saieed', 'close-martinez']);
    const total = Object.values(scripted).reduce((a, b) => a + b, 0);
    expect(report.totals.ran).toBe(5);
    expect(Math.abs(report.totals.actualDurationMs - total)).toBeLessThanOrEqual(5 * TOLERANCE_MS);
    const opening = report.sessions.find((s) => s.sessionId === 'opening')!.totals;
    expect(opening.plannedDurationMs).toBe((1 + 2 + 1) * 1000);
  });

  it('serves the report as CSV, and as a printable HTML page with its own strict policy', async () => {
    const csv = await fetch(`${server.url}/api/v1/report?format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="timing-report-2022-11-17\.csv"$/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 14 + 4 + 1);

    const html = await fetch(`${server.url}/api/v1/report?format=html&lang=zh`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("script-src 'none'");
    const page = await html.text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('data-item-id="open-cao" data-status="done"');
    expect((await fetch(`${server.url}/api/v1/report?format=pdf`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/report?token=wrong-token`)).status).toBe(401);
  });

  it('survives a restart: the report is part of the saved state', async () => {
    const before = await getReport();
    await server.stop();
    server = await server.restart();
    const after = await getReport();
    expect(after.sessions).toEqual(before.sessions);
    expect(after.totals).toEqual(before.totals);
  });
});
