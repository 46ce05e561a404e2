import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import type { SheetRow } from '../../shared/agenda-io/rows-to-agenda';
import { ImportLimitError, NotAWorkbookError } from './import-limit-error';
import { builtinFormat, numberText, type CellReading } from './xlsx-cell-text';
import { attributes, elements, runText, startTags, xmlText, type XmlElement } from './xml-text';
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
  for (const tag of startTags(rels, 'Relationship')) {
    const a = attributes(tag);
    if (a['Id'] && a['Target']) targets.set(a['Id'], { type: a['Type'] ?? '', target: partPath(a['Target']) });
  }
  const byType = (suffix: string, fallback: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target ?? fallback;

  const sheets = Array.from(startTags(workbook, 'sheet'), attributes);
  const sheet = sheets.find((s) => s['state'] !== 'hidden' && s['state'] !== 'veryHidden') ?? sheets[0];
  if (!sheet) return [];
  const sheetPath = targets.get(sheet['id'] ?? '')?.target ?? 'xl/worksheets/sheet1.xml';
  const workbookPr = startTags(workbook, 'workbookPr').next();
  const date1904 = !workbookPr.done && /^(1|true)$/.test(attributes(workbookPr.value)['date1904'] ?? '');

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
  for (const tag of startTags(xml, 'numFmt')) {
    const a = attributes(tag);
    custom.set(Number(a['numFmtId']), a['formatCode'] ?? '');
  }
  const cellXfs = elements(xml, 'cellXfs').next();
  return Array.from(startTags(cellXfs.done ? '' : cellXfs.value.inner, 'xf'), (tag) => {
    const id = Number(attributes(tag)['numFmtId'] ?? 0);
    return custom.get(id) ?? builtinFormat(id);
  });
}

function readSharedStrings(xml: string): string[] {
  return Array.from(elements(xml, 'si'), (si) => runText(si.inner));
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
function rowOf(row: XmlElement, shared: readonly string[], formats: readonly string[], date1904: boolean): SheetRow | null {
  const rowNumber = Number(attributes(row.attrs)['r']);
  const xml = row.inner;
  const cells: string[] = [];
  const short: Record<number, string> = {};
  let next = 1;
  for (const c of elements(xml, 'c')) {
    const a = attributes(c.attrs);
    const column = a['r'] ? columnOf(a['r']) : next;
    next = column + 1;
    if (column < 1 || column > IMPORT_LIMITS.columns) continue;
    const reading = cellReading(a, c.inner, shared, formats, date1904);
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = reading.text;
    if (reading.short !== undefined) short[column - 1] = reading.short;
  }
  if (!Number.isInteger(rowNumber) || rowNumber < 1) return null;
  return Object.keys(short).length > 0 ? { row: rowNumber, cells, short } : { row: rowNumber, cells };
}

function cellReading(a: Record<string, string>, inner: string, shared: readonly string[], formats: readonly string[], date1904: boolean): CellReading {
  const value = elements(inner, 'v').next();
  const v = value.done ? '' : xmlText(value.value.inner);
  switch (a['t']) {
    case 's':
      return { text: shared[Number(v)] ?? '' };
    case 'inlineStr':
      return { text: runText(inner) };
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
      const tag = startTags(text, 'dimension').next();
      const dimension = tag.done ? undefined : tag.value;
      const last = dimension === undefined ? undefined : /^[A-Z]*\d+:[A-Z]*(\d+)$/.exec(attributes(dimension)['ref'] ?? '')?.[1];
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
 * by one, so that neither whitespace nor more than one unfinished row is ever held (IMPORT_LIMITS.rowChars).
 */
async function readSheet(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, toRow: (row: XmlElement) => SheetRow | null): Promise<SheetRow[]> {
  await countRows(bytes, entry, budget);
  const rows: SheetRow[] = [];
  let pending = '';
  await streamEntry(bytes, entry, budget, (chunk) => {
    pending += chunk;
    // Whole rows, cut out with indexOf; an unfinished one waits for the next chunk.
    let from = 0;
    for (let i = nextRow(pending, 0); i >= 0; i = nextRow(pending, from)) {
      const tagEnd = pending.indexOf('>', i);
      if (tagEnd < 0) break;
      const selfClosing = pending.charCodeAt(tagEnd - 1) === 0x2f;
      const end = selfClosing ? tagEnd + 1 : pending.indexOf('</row>', tagEnd);
      if (end < 0) break;
      const row = toRow({ attrs: pending.slice(i + 4, selfClosing ? tagEnd - 1 : tagEnd), inner: selfClosing ? '' : pending.slice(tagEnd + 1, end) });
      if (row) rows.push(row);
      from = selfClosing ? end : end + '</row>'.length;
    }
    pending = pending.slice(from);
    const finished = pending.includes('</sheetData>');
    const open = nextRow(pending, 0);
    // Keep only an unfinished row (or the tail of a tag cut in two); drop what lies between rows.
    pending = open >= 0 ? pending.slice(open) : pending.slice(-256);
    if (pending.length > IMPORT_LIMITS.rowChars) throw new ImportLimitError(`a row of the sheet is longer than ${IMPORT_LIMITS.rowChars / 1024 / 1024} MiB`);
    return finished;
  });
  return rows;
}

/** Where the next `<row` start tag begins (not `<rowBreaks`), or -1; a tag cut at the end counts as one. */
function nextRow(text: string, from: number): number {
  for (let i = text.indexOf('<row', from); i >= 0; i = text.indexOf('<row', i + 4)) {
    const c = text.charCodeAt(i + 4);
    if (Number.isNaN(c) || c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) return i;
  }
  return -1;
}
