import type { Workbook } from 'exceljs';

/** exceljs is large: loaded on first use, not at start-up. It writes workbooks; reading is xlsx-read.ts. */
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
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
