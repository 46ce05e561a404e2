import type { Cell, CellValue, Workbook } from 'exceljs';
import type { SheetRow } from '../../shared/agenda-io/rows-to-agenda';
import { pad2 } from '../../shared/time/zoned-time';

/** exceljs is large: loaded on first use, not at start-up. */
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A time or date cell as the spreadsheet shows it: `7:30` for a cell formatted `h:mm` (someone
 * typed 7:30 meaning seven and a half minutes, and the program made it a time), `1:05:00` when the
 * format shows seconds, `2026-11-29` for a date.
 */
function dateText(value: Date, numFmt: string | undefined): string {
  const fmt = (numFmt ?? '').toLowerCase().replace(/"[^"]*"|\[\$[^\]]*\]/g, '');
  const totalSec = Math.round((value.getTime() - EXCEL_EPOCH) / 1000);
  const isDuration = /\[h+\]/.test(fmt);
  const hasTime = /h|s/.test(fmt) || (fmt === '' && totalSec < 86_400);
  const hasDate = /y|d/.test(fmt) || (!hasTime && !isDuration);
  const secOfDay = isDuration ? totalSec : ((totalSec % 86_400) + 86_400) % 86_400;
  const h = Math.floor(secOfDay / 3600);
  const m = Math.floor((secOfDay % 3600) / 60);
  const s = secOfDay % 60;
  const time = /s/.test(fmt) ? `${h}:${pad2(m)}:${pad2(s)}` : `${h}:${pad2(m)}`;
  if (!hasDate) return time;
  const date = value.toISOString().slice(0, 10);
  return hasTime ? `${date} ${time}` : date;
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number.isInteger(value) ? value : Number(value.toFixed(6)));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return valueText((value.result ?? null) as CellValue, numFmt);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return '';
}

const cellText = (cell: Cell): string => valueText(cell.value, cell.numFmt);

/** The rows of the workbook's first worksheet, each cell as the text a person sees. */
export async function readXlsxRows(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = await newWorkbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c)));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** Rows (the header first) as an .xlsx workbook with one sheet; whole-minute durations as numbers. */
export async function writeXlsx(rows: string[][], sheetName: string, numericColumns: ReadonlySet<string>): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Rostrum';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = rows[0] ?? [];
  rows.forEach((cells, i) => {
    const values = cells.map((v, c) => (i > 0 && numericColumns.has(header[c] ?? '') && /^\d+$/.test(v) ? Number(v) : v));
    const row = sheet.addRow(values);
    // Text cells stay text: `14:00` or `7:30` must not become times of day.
    values.forEach((v, c) => {
      if (typeof v === 'string') row.getCell(c + 1).numFmt = '@';
    });
  });
  sheet.getRow(1).font = { bold: true };
  header.forEach((name, c) => {
    const widest = Math.max(name.length, ...rows.slice(1).map((r) => Math.min(60, (r[c] ?? '').length)));
    sheet.getColumn(c + 1).width = Math.max(8, Math.min(60, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
