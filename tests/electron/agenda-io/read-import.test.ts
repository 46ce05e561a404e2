import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportAgenda } from '../../../electron/agenda-io/export-agenda';
import { readImport } from '../../../electron/agenda-io/read-import';
import { readXlsxRows } from '../../../electron/agenda-io/xlsx-read';
import type { ImportFormat } from '../../../shared/agenda-io/import-types';
import { loadSample } from '../../builders';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/agenda-io/${name}`, import.meta.url));
const current = loadSample();

describe('reading real files', () => {
  it('reads the workbook LibreOffice wrote (time cells, a decimal, h:mm:ss, Chinese)', async () => {
    const result = await readImport('xlsx', fixture('workshop-libreoffice.xlsx'), {}, current);
    expect(result.errors).toEqual([]);
    const [welcome, deep] = result.agenda!.sessions;
    expect([welcome!.id, welcome!.plannedStart, welcome!.plannedEnd, welcome!.moderator]).toEqual(['welcome', '14:00', '14:20', 'Ms YAN Yan']);
    expect(welcome!.items.map((i) => [i.id, i.durationSec, i.language, i.attendance, i.scriptReceived, i.fixed])).toEqual([
      ['w-open', 420, 'zh', 'onsite', true, false],
      ['w-talk', 450, 'en', 'online', false, true],
    ]);
    expect(welcome!.items[0]!.speaker.localName).toBe('曹学军');
    expect(welcome!.items[0]!.boothNotes).toBe('工信部 = MIIT');
    expect(deep!.items.map((i) => [i.title, i.kind, i.durationSec])).toEqual([
      ['Long workshop', 'talk', 3900],
      ['Q&A', 'q-and-a', undefined],
    ]);
    // 1:05:00 is a time cell that may have been typed 1:05 too: the reading that fits its session (14:30–16:00) is taken, with a word.
    expect(result.warnings.map((w) => [w.row, w.column, w.kind])).toEqual([
      [4, 'duration', 'time-cell'],
      [5, 'duration', 'missing-duration'],
    ]);
    // Event fields the sheet has no place for keep their current values.
    expect(result.agenda!.title).toBe(current.title);
  });

  it('reads a semicolon CSV with a BOM, Chinese text, aliases and a quoted line break', async () => {
    const result = await readImport('csv', fixture('workshop-semicolon-bom.csv'), { title: '绿色转型研讨会', date: '2026-11-29' }, current);
    expect(result.errors).toEqual([]);
    const agenda = result.agenda!;
    expect([agenda.title, agenda.date, agenda.timezone]).toEqual(['绿色转型研讨会', '2026-11-29', 'Asia/Shanghai']);
    expect(agenda.sessions.map((s) => [s.title, s.plannedStart, s.plannedEnd, s.items.length])).toEqual([
      ['开幕式 Opening', '09:00', '09:30', 3],
      ['Session I — Supply chains', '09:45', '10:30', 2],
    ]);
    const [welcome, keynote, comment] = agenda.sessions[0]!.items;
    expect([welcome!.speaker.name, welcome!.speaker.localName, welcome!.speaker.organisation, welcome!.durationSec, welcome!.attendance]).toEqual(['LI Ming', '李明', '东莞市政府', 300, 'onsite']);
    expect([keynote!.language, keynote!.durationSec, keynote!.attendance, keynote!.notes]).toEqual(['en', 750, 'online', 'Slides in English; "Q&A" after']);
    expect([comment!.language, comment!.durationSec, comment!.notes]).toEqual(['zh', 450, 'Two lines:\nfirst; second']);
  });

  it('reads the same CSV saved in GB 18030 (Excel on Chinese Windows) alike', async () => {
    const utf8 = await readImport('csv', fixture('workshop-semicolon-bom.csv'), {}, current);
    const gb = await readImport('csv', fixture('workshop-gb18030.csv'), {}, current);
    expect(gb.errors).toEqual([]);
    expect(gb.agenda).toEqual(utf8.agenda);
  });

  it('reads YAML in Rostrum’s own format', async () => {
    const result = await readImport('yaml', fixture('workshop.yaml'), {}, current);
    expect(result.errors).toEqual([]);
    expect(result.agenda!.sessions[0]!.items.map((i) => i.id)).toEqual(['welcome', 'keynote']);
    expect(result.agenda!.glossary).toEqual(current.glossary);
  });

  it.each<[string, ImportFormat, [number | null, number | null, string, string][]]>([
    ['errors-cells.csv', 'csv', [
      [4, null, 'kind', 'not-a-kind'],
      [5, null, 'language', 'not-a-language'],
      [6, null, 'attendance', 'not-an-attendance'],
      [7, null, 'duration', 'not-a-duration'],
      [8, null, 'fixed', 'not-a-boolean'],
      [9, null, 'title', 'required'],
      [10, null, 'id', 'not-an-id'],
      [11, null, 'id', 'duplicate-id'],
      [12, null, 'session_start', 'not-a-time'],
    ]],
    ['errors-missing-column.csv', 'csv', [[1, null, 'title', 'missing-column']]],
    ['errors-unclosed-quote.csv', 'csv', [[2, null, '', 'file-unreadable']]],
    ['errors-sessions.csv', 'csv', [
      [2, null, 'session_start', 'required'],
      [4, null, 'session_end', 'session-order'],
      [6, null, 'session_start', 'session-conflict'],
    ]],
    ['errors-agenda.json', 'json', [
      [null, null, 'sessions.0.items.0.durationSec', 'invalid'],
      [null, null, 'sessions.0.items.1.colour', 'invalid'],
    ]],
    ['errors-agenda.yaml', 'yaml', [
      [null, 8, 'sessions.0.plannedEnd', 'invalid'],
      [null, 12, 'sessions.0.items.0.kind', 'invalid'],
    ]],
    ['errors-syntax.yaml', 'yaml', [[null, 4, '', 'file-unreadable']]],
    ['not-a-workbook.xlsx', 'xlsx', [[null, null, '', 'file-unreadable']]],
  ])('reports every problem of %s where it is, and gives no agenda', async (name, format, expected) => {
    const result = await readImport(format, fixture(name), {}, current);
    expect(result.agenda).toBeNull();
    expect(result.errors.map((e) => [e.row, e.line, e.column, e.kind])).toEqual(expected);
  });

  it('the issue’s example, word for word', async () => {
    const result = await readImport('csv', fixture('errors-cells.csv'), {}, current);
    expect(result.errors.map((e) => e.message)).toContain('row 7, duration: "fifteen" is not a duration (minutes, mm:ss or h:mm:ss)');
  });

  it('reports bad import options along with the file’s own problems', async () => {
    const result = await readImport('csv', fixture('errors-missing-column.csv'), { timezone: 'Mars/Base' }, current);
    expect(result.errors.map((e) => [e.column, e.kind])).toEqual([
      ['timezone', 'bad-option'],
      ['title', 'missing-column'],
    ]);
  });

  it('an empty file is an error', async () => {
    expect((await readImport('csv', new Uint8Array(), {}, current)).errors[0]?.kind).toBe('empty-file');
  });
});

describe('workbooks saved by LibreOffice from CSVs typed in the documented forms (issue 13.5)', () => {
  const lo = (name: string) => fixture(`libreoffice/${name}`);

  it('read every duration as the CSV does: 12:30 is 12 min 30 s, 7:30 and 90:00 minutes, 1:05:00 an hour and five', async () => {
    const xlsx = await readImport('xlsx', lo('durations.xlsx'), {}, current);
    const csv = await readImport('csv', lo('durations.csv'), {}, current);
    expect(xlsx.errors).toEqual([]);
    expect(csv.errors).toEqual([]);
    expect(xlsx.agenda).toEqual(csv.agenda);
    const items = xlsx.agenda!.sessions.flatMap((s) => s.items);
    expect(items.map((i) => [i.title, i.durationSec, i.warningSec])).toEqual([
      ['Whole minutes', 420, undefined],
      ['Decimal minutes', 450, undefined],
      ['With a unit', 420, undefined],
      ['Minutes and seconds', 450, 120],
      ["The rehearsal's 12:30", 750, undefined],
      ['Ninety minutes', 5400, undefined],
      ['An hour and five', 3900, undefined],
      ['Half an hour', 1800, 30],
    ]);
    expect(xlsx.agenda!.sessions.map((s) => [s.plannedStart, s.plannedEnd])).toEqual([
      ['09:00', '12:00'],
      ['13:00', '15:00'],
    ]);
    // The time cells are what LibreOffice makes of typed times: a clock format with AM/PM, and an elapsed one for 90:00.
    expect((await readXlsxRows(lo('durations.xlsx')))[5]!.cells[5]).toBe('12:30:00');
    // 1:05:00 could have been typed 1:05: the reading that fits its session is taken, with a word.
    expect(xlsx.warnings.filter((w) => w.kind === 'time-cell').map((w) => [w.row, w.column])).toEqual([[8, 'duration']]);
  });

  it('a slot longer than its session is an error naming row and column, as in the CSV', async () => {
    const xlsx = await readImport('xlsx', lo('too-long.xlsx'), {}, current);
    const csv = await readImport('csv', lo('too-long.csv'), {}, current);
    for (const result of [xlsx, csv]) {
      expect(result.agenda).toBeNull();
      expect(result.errors.map((e) => e.message)).toEqual(['row 3, duration: "45:00" is read as 45:00, longer than its session (09:00–09:30, 30:00)']);
    }
  });
});

describe('export, then import again', () => {
  it.each(['csv', 'xlsx', 'json'] as const)('gives the same agenda (%s)', async (format) => {
    const file = await exportAgenda(current, format);
    const back = await readImport(format, file.body, {}, current);
    expect(back.errors).toEqual([]);
    expect(back.agenda).toEqual(current);
  });

  it('a time cell formatted h:mm (Excel, after typing 7:30 in a duration cell) reads as minutes and seconds', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Agenda');
    sheet.addRow(['session', 'session_start', 'session_end', 'title', 'duration']);
    sheet.addRow(['S', new Date(Date.UTC(1899, 11, 30, 9, 0)), new Date(Date.UTC(1899, 11, 30, 10, 0)), 'T', new Date(Date.UTC(1899, 11, 30, 7, 30))]);
    sheet.getCell('B2').numFmt = 'hh:mm';
    sheet.getCell('C2').numFmt = 'hh:mm';
    sheet.getCell('E2').numFmt = 'h:mm';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await readXlsxRows(bytes))[1]!.cells).toEqual(['S', '9:00', '10:00', 'T', '7:30']);
    const result = await readImport('xlsx', bytes, {}, current);
    expect(result.agenda!.sessions[0]).toMatchObject({ plannedStart: '09:00', plannedEnd: '10:00', items: [{ durationSec: 450 }] });
  });
});
