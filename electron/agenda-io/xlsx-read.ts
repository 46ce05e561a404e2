import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import type { SheetRow } from '../../shared/agenda-io/rows-to-agenda';
import { ImportLimitError, NotAWorkbookError } from './import-limit-error';
import { builtinFormat, numberText, type CellReading } from './xlsx-cell-text';
import { attributes, runText, xmlText } from './xml-text';
import { newBudget, readEntryText, streamEntry, zipDirectory, type InflateBudget, type ZipEntry } from './zip-reader';

/**
 * Reads the first visible worksheet of an .xlsx file as rows of text, without a spreadsheet
 * library: only the parts an agenda needs are decompressed (the workbook, its relations, the
 * styles, the shared strings, one sheet), each as a stream within IMPORT_LIMITS, and the sheet's
 * rows are counted (a first pass that keeps nothing) before any of its cells is read. Images and
 * every other part stay packed.
 */
export async function readXlsxRows(input: Uint8Array): Promise<SheetRow[]> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const entries = zipDirectory(bytes);
  const budget = newBudget();
  const part = (path: string): ZipEntry | undefined => entries.get(path);
  const text = async (path: string) => {
    const entry = part(path);
    return entry ? readEntryText(bytes, entry, budget) : null;
  };

  const workbook = await text('xl/workbook.xml');
  if (workbook === null) throw new NotAWorkbookError('no xl/workbook.xml');
  const rels = (await text('xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a['Id'] && a['Target']) targets.set(a['Id'], { type: a['Type'] ?? '', target: partPath(a['Target']) });
  }
  const byType = (suffix: string, fallback: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target ?? fallback;

  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => attributes(m[0]));
  const sheet = sheets.find((s) => s['state'] !== 'hidden' && s['state'] !== 'veryHidden') ?? sheets[0];
  if (!sheet) return [];
  const sheetPath = targets.get(sheet['id'] ?? '')?.target ?? 'xl/worksheets/sheet1.xml';
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);

  const formats = readStyles((await text(byType('/styles', 'xl/styles.xml'))) ?? '');
  const shared = readSharedStrings((await text(byType('/sharedStrings', 'xl/sharedStrings.xml'))) ?? '');
  const entry = part(sheetPath);
  if (!entry) throw new NotAWorkbookError(`no ${sheetPath}`);
  return readSheet(bytes, entry, budget, (xml) => rowOf(xml, shared, formats, date1904));
}

/** A relationship's target as a path inside the zip (`worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The number format of each cell style (`s="3"` → `hh:mm:ss AM/PM`). */
function readStyles(xml: string): string[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const a = attributes(m[0]);
    custom.set(Number(a['numFmtId']), a['formatCode'] ?? '');
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attributes(m[0])['numFmtId'] ?? 0);
    return custom.get(id) ?? builtinFormat(id);
  });
}

function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => runText(m[1] ?? ''));
}

/** Column number (1-based) of a cell reference: `B2` → 2, `AA10` → 27. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

/** One `<row>` element as a sheet row: each cell as the text a person sees (see numberText). */
function rowOf(xml: string, shared: readonly string[], formats: readonly string[], date1904: boolean): SheetRow | null {
  const rowNumber = Number(attributes(/^<row\b[^>]*>/.exec(xml)?.[0] ?? '')['r']);
  const cells: string[] = [];
  const short: Record<number, string> = {};
  let next = 1;
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const a = attributes(m[1] ?? '');
    const column = a['r'] ? columnOf(a['r']) : next;
    next = column + 1;
    if (column < 1 || column > IMPORT_LIMITS.columns) continue;
    const reading = cellReading(a, m[2] ?? '', shared, formats, date1904);
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = reading.text;
    if (reading.short !== undefined) short[column - 1] = reading.short;
  }
  if (!Number.isInteger(rowNumber) || rowNumber < 1) return null;
  return Object.keys(short).length > 0 ? { row: rowNumber, cells, short } : { row: rowNumber, cells };
}

function cellReading(a: Record<string, string>, inner: string, shared: readonly string[], formats: readonly string[], date1904: boolean): CellReading {
  const v = xmlText(/<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
  switch (a['t']) {
    case 's':
      return { text: shared[Number(v)] ?? '' };
    case 'inlineStr':
      return { text: runText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '') };
    case 'b':
      return { text: v === '1' ? 'yes' : v === '0' ? 'no' : v };
    case 'str':
    case 'e':
    case 'd':
      return { text: v };
    default: {
      if (v.trim() === '') return { text: '' };
      const n = Number(v);
      if (!Number.isFinite(n)) return { text: v };
      return numberText(n, formats[Number(a['s'] ?? 0)] ?? '', date1904);
    }
  }
}

const tooMany = (n: number | string) =>
  new ImportLimitError(`the sheet has ${n} rows; at most ${IMPORT_LIMITS.rows.toLocaleString('en')} are read (an agenda is far shorter)`);

/**
 * Counts the sheet's rows as it is inflated, before any cell is read: refused up front when its
 * `<dimension>` declares more than IMPORT_LIMITS.rows, or as soon as that many `<row>` tags have
 * passed. Nothing but the count is kept.
 */
async function countRows(bytes: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<void> {
  let tail = '';
  let seen = 0;
  let checkedDimension = false;
  await streamEntry(bytes, entry, budget, (chunk) => {
    const text = tail + chunk;
    if (!checkedDimension) {
      const dimension = /<dimension\b[^>]*>/.exec(text)?.[0];
      const last = dimension ? /\bref="[A-Z]*\d+:[A-Z]*(\d+)"/.exec(dimension)?.[1] : undefined;
      if (last !== undefined && Number(last) > IMPORT_LIMITS.rows) throw tooMany(Number(last).toLocaleString('en'));
      checkedDimension = dimension !== undefined || text.includes('<sheetData');
    }
    for (let i = text.indexOf('<row'); i >= 0; i = text.indexOf('<row', i + 4)) {
      const next = text.charCodeAt(i + 4);
      // `<row ` or `<row>`, not `<rowBreaks`; a tag cut at the chunk's end is counted with the next chunk.
      if (Number.isNaN(next)) break;
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
        seen += 1;
        if (seen > IMPORT_LIMITS.rows) throw tooMany(`more than ${IMPORT_LIMITS.rows.toLocaleString('en')}`);
      }
    }
    const finished = text.includes('</sheetData>');
    // Keep what could be the start of a tag cut in two (and the dimension, until it is seen).
    tail = text.slice(checkedDimension ? -4 : -512);
    return finished;
  });
}

/**
 * The sheet's rows, once countRows has passed them: `<row>` elements are cut out of the stream one
 * by one, so that neither whitespace nor a long row is ever held whole (IMPORT_LIMITS.rowChars).
 */
async function readSheet(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, toRow: (xml: string) => SheetRow | null): Promise<SheetRow[]> {
  await countRows(bytes, entry, budget);
  const rows: SheetRow[] = [];
  let pending = '';
  const ROW = /<row\b[^>]*?\/>|<row\b[^>]*>[\s\S]*?<\/row>/g;
  await streamEntry(bytes, entry, budget, (chunk) => {
    pending += chunk;
    ROW.lastIndex = 0;
    let end = 0;
    for (let m = ROW.exec(pending); m; m = ROW.exec(pending)) {
      const row = toRow(m[0]);
      if (row) rows.push(row);
      end = ROW.lastIndex;
    }
    pending = pending.slice(end);
    const finished = pending.includes('</sheetData>');
    const open = pending.search(/<row\b/);
    // Keep only an unfinished row (or the tail of a tag cut in two); drop what lies between rows.
    pending = open >= 0 ? pending.slice(open) : pending.slice(-256);
    if (pending.length > IMPORT_LIMITS.rowChars) throw new ImportLimitError(`a row of the sheet is longer than ${IMPORT_LIMITS.rowChars / 1024 / 1024} MiB`);
    return finished;
  });
  return rows;
}
