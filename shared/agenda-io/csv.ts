/**
 * A small RFC 4180 CSV reader and writer. Pure: text in, records out.
 * - Quoted fields may hold the delimiter, doubled quotes (`""`) and line breaks.
 * - Records end at CRLF, LF or CR; a UTF-8 byte-order mark at the start is dropped.
 * - The delimiter is sniffed from the first record: `,`, `;` (Excel and WPS in locales where the
 *   comma is the decimal mark) or a tab, whichever occurs most outside quotes.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRecord {
  /** The spreadsheet row this record is: the first record is row 1 (a field with line breaks is still one row). */
  row: number;
  fields: string[];
}

export type CsvParse =
  | { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] }
  | { ok: false; delimiter: CsvDelimiter; records: CsvRecord[]; unclosedQuoteRow: number };

const BOM = '\uFEFF';

/** The delimiter used by the first record (outside quotes); `,` when none occurs. */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Parses CSV text into records. Blank lines are kept as records with one empty field (callers
 * skip them) so that row numbers stay those a spreadsheet shows. A final line break adds no record.
 */
export function parseCsv(input: string, delimiter: CsvDelimiter = sniffDelimiter(input.replace(/^\uFEFF/, ''))): CsvParse {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteOpenedOnRow = 0;
  let row = 1;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row += 1;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      // A quote opens a quoted field only at the start of a field; elsewhere it is a plain character.
      quoted = true;
      quoteOpenedOnRow = row;
      i += 1;
    } else if (ch === delimiter) {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (quoted) {
    endRecord();
    return { ok: false, delimiter, records, unclosedQuoteRow: quoteOpenedOnRow };
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, delimiter, records };
}

/** Quotes a field when it must be: delimiter, quote, line break, or spaces at either end. */
function quoteField(value: string, delimiter: CsvDelimiter): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim();
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, so Excel reads Chinese text as UTF-8 (default true). */
  bom?: boolean;
}

/** Serialises records as RFC 4180 CSV with CRLF line ends. */
export function serialiseCsv(records: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = records.map((r) => r.map((f) => quoteField(f, delimiter)).join(delimiter)).join('\r\n');
  return `${options.bom === false ? '' : BOM}${body}\r\n`;
}
