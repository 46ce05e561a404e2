import { deflateRawSync, crc32 } from 'node:zlib';
import { SHEET_HEAD, sheetRow, workbookParts, zip } from '../../tests/helpers/zip-parts';

/** Rows of the hostile sheet: a 4.8 MB file, just under the 5 MiB an upload may be. */
export const HOSTILE_ROWS = 630_000;

/**
 * The bench's hostile spreadsheet (issue 14.1): an .xlsx as large as an upload may be, whose sheet
 * holds 630,000 rows, each a little different (a pseudo-random cell) so that the file does not
 * shrink. The server refuses it (`over-limit`) once the sheet passes the row limit.
 */
export function hostileSpreadsheet(rows = HOSTILE_ROWS): Buffer {
  const body: string[] = [SHEET_HEAD, '<sheetData>', sheetRow(1, ['session', 'session_start', 'title', 'notes'])];
  let seed = 7;
  for (let r = 2; r <= rows + 1; r += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    body.push(`<row r="${r}"><c t="inlineStr"><is><t>${seed.toString(36)}</t></is></c></row>`);
  }
  body.push('</sheetData></worksheet>');
  const raw = Buffer.from(body.join(''), 'utf8');
  return zip(workbookParts({ name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(raw), crc: crc32(raw), size: raw.length }));
}
