import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResponse } from '../../shared/agenda-io/import-types';
import type { ApiError } from '../../shared/contract/errors';
import type { DownloadLinks } from '../../shared/report/download-links';
import { apiClient } from '../helpers/api-client';
import { SERVE_JS, startServer, tempDataDir, type StartedServer } from '../helpers/server-process';
import { connectSocket, nextEvent } from '../helpers/socket-client';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/agenda-io/${name}`, import.meta.url));
type Answer = ImportResponse & { error?: ApiError };

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function upload(body: Uint8Array | string, query: string, token: string | null = server.tokens.control): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${server.url}/api/v1/agenda/import?${query}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body,
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

const control = () => apiClient(server.url, server.tokens.control);

/** Runs `fn` and checks that it changed nothing: same revision, agenda, clock and report. */
async function unchanged(fn: () => Promise<void>): Promise<void> {
  const before = await control().state();
  await fn();
  const after = await control().state();
  expect(after.revision).toBe(before.revision);
  expect(after.agenda).toEqual(before.agenda);
  expect(after.clock.status).toBe(before.clock.status);
  expect(after.report).toEqual(before.report);
}

describe('POST /api/v1/agenda/import', () => {
  it('previews real files without changing anything (the LibreOffice workbook, a semicolon CSV with BOM)', async () => {
    await unchanged(async () => {
      const xlsx = await upload(fixture('workshop-libreoffice.xlsx'), 'format=xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.body).toMatchObject({ ok: true, applied: false, revision: null, errors: [], summary: { sessions: 2, items: 4, untimed: 1 } });
      const csv = await upload(fixture('workshop-semicolon-bom.csv'), 'format=csv');
      expect(csv.body).toMatchObject({ ok: true, summary: { sessions: 2, items: 5 } });
      expect(csv.body.agenda!.sessions[0]!.title).toBe('开幕式 Opening');
    });
  });

  it('applies a file through the engine: validated, persisted, broadcast; event fields from the query', async () => {
    const { socket } = await connectSocket(server.url);
    try {
      const before = await control().state();
      const patch = nextEvent(socket, 'state:patch', (p) => p.agenda !== undefined);
      const res = await upload(fixture('workshop-semicolon-bom.csv'), `format=csv&apply=true&title=${encodeURIComponent('绿色转型研讨会')}&date=2026-11-29&languages=zh,en`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, applied: true, revision: before.revision + 1 });
      expect((await patch).agenda?.title).toBe('绿色转型研讨会');
      const after = await control().state();
      expect(after.agenda).toEqual(res.body.agenda);
      expect([after.agenda.date, after.agenda.languages, after.agenda.timezone]).toEqual(['2026-11-29', ['zh', 'en'], before.agenda.timezone]);
      expect(after.clock).toMatchObject({ status: 'idle', currentItemId: after.agenda.sessions[0]!.items[0]!.id });
    } finally {
      socket.close();
    }
  });

  it.each([
    ['errors-cells.csv', 'csv', 9],
    ['errors-missing-column.csv', 'csv', 1],
    ['errors-unclosed-quote.csv', 'csv', 1],
    ['errors-sessions.csv', 'csv', 3],
    ['errors-agenda.json', 'json', 2],
    ['errors-agenda.yaml', 'yaml', 2],
    ['errors-syntax.yaml', 'yaml', 1],
    ['not-a-workbook.xlsx', 'xlsx', 1],
  ])('refuses %s with every error listed (400) and leaves the state as it was', async (name, format, count) => {
    await unchanged(async () => {
      const res = await upload(fixture(name), `format=${format}&apply=true`);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid');
      expect(res.body).toMatchObject({ ok: false, applied: false, agenda: null });
      expect(res.body.errors).toHaveLength(count);
    });
  });

  it('names the row and column of each problem, as a spreadsheet numbers rows', async () => {
    const res = await upload(fixture('errors-cells.csv'), 'format=csv');
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e) => e.message)).toContain('row 7, duration: "fifteen" is not a duration (minutes, mm:ss or h:mm:ss)');
  });

  it('refuses bad import options with the file', async () => {
    await unchanged(async () => {
      const res = await upload(fixture('workshop-semicolon-bom.csv'), 'format=csv&apply=true&timezone=Mars/Base&date=2026-02-30');
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.column)).toEqual(['date', 'timezone']);
    });
  });

  it('over a running item, asks for confirm=running; with it, the clock stops and a new event begins', async () => {
    const api = control();
    const first = (await api.state()).clock.currentItemId!;
    expect((await api.command({ type: 'start', expectedItemId: first })).status).toBe(200);
    await unchanged(async () => {
      const res = await upload(fixture('workshop.yaml'), 'format=yaml&apply=true');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid', path: 'confirm' });
      expect(res.body).toMatchObject({ ok: true, running: true, recordedItems: 1 });
    });
    const res = await upload(fixture('workshop.yaml'), 'format=yaml&apply=true&confirm=running');
    expect(res.status).toBe(200);
    const after = await api.state();
    expect(after.clock).toMatchObject({ status: 'idle', currentItemId: 'welcome' });
    expect(after.report).toEqual({});
    expect(after.agenda.title).toBe('Green transition workshop');
  });

  it('needs the control token, a known format, and a file under 5 MiB', async () => {
    await unchanged(async () => {
      expect((await upload('x', 'format=csv', null)).status).toBe(401);
      expect((await upload('x', 'format=csv', server.tokens.view)).status).toBe(403);
      expect((await upload('x', 'format=csv', server.tokens.booth)).status).toBe(403);
      const bad = await upload('x', 'format=xls');
      expect([bad.status, bad.body.error?.path]).toEqual([400, 'format']);
      const big = await upload(new Uint8Array(5 * 1024 * 1024 + 1), 'format=csv&apply=true');
      expect(big.status).toBe(413);
      expect(big.body.error).toMatchObject({ code: 'too-large', path: 'body' });
    });
  });
});

describe('GET /api/v1/agenda/export', () => {
  it.each(['csv', 'xlsx', 'json'] as const)('export then import gives an equal agenda (%s)', async (format) => {
    const before = await control().state();
    const res = await fetch(`${server.url}/api/v1/agenda/export?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="agenda-${before.agenda.date}.${format}"`);
    const file = new Uint8Array(await res.arrayBuffer());
    const back = await upload(file, `format=${format}&apply=true&confirm=running`);
    expect(back.body.errors).toEqual([]);
    expect((await control().state()).agenda).toEqual(before.agenda);
  });

  it('needs a valid token from another machine, and takes one in the link', async () => {
    expect((await fetch(`${server.url}/api/v1/agenda/export?format=csv&token=nope-nope`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/agenda/export?format=csv&token=${server.tokens.view}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/agenda/export?format=pdf`)).status).toBe(400);
  });

  it('the console gets links that carry the view token, never the control token', async () => {
    expect((await fetch(`${server.url}/api/v1/report/links`, { headers: { authorization: `Bearer ${server.tokens.view}` } })).status).toBe(403);
    const res = await fetch(`${server.url}/api/v1/report/links`, { headers: { authorization: `Bearer ${server.tokens.control}` } });
    const links = (await res.json()) as DownloadLinks;
    expect(links.report.html).toBe(`/api/v1/report?format=html&token=${server.tokens.view}`);
    expect(JSON.stringify(links)).not.toContain(server.tokens.control);
    expect((await fetch(`${server.url}${links.export.xlsx}`)).status).toBe(200);
  });
});

describe('npm run serve -- --agenda FILE', () => {
  it.each([
    ['workshop-libreoffice.xlsx', 'w-open'],
    ['workshop-semicolon-bom.csv', 'opening-1'],
    ['workshop.yaml', 'welcome'],
  ])('loads %s by its extension', async (name, firstItem) => {
    const dataDir = tempDataDir();
    const path = join(dataDir, name);
    writeFileSync(path, fixture(name));
    const s = await startServer({ dataDir, args: ['--agenda', path] });
    try {
      const snap = await apiClient(s.url).state();
      expect(snap.agenda.sessions[0]!.items[0]!.id).toBe(firstItem);
      expect(snap.clock.currentItemId).toBe(firstItem);
    } finally {
      await s.stop();
    }
  });

  it('refuses a file with errors in one line that names the first problem', async () => {
    const dataDir = tempDataDir();
    const path = join(dataDir, 'bad.csv');
    writeFileSync(path, fixture('errors-cells.csv'));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const proc = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data-dir', dataDir, '--agenda', path], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      proc.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('row 4, kind: "lecture-ish" is not a kind');
    expect(result.stderr).toContain('(and 8 more problems)');
  });
});
