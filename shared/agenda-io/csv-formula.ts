/**
 * CSV cells that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(1)`, `-2+3`,
 * `=cmd|' /C calc'!A0`) are written with a leading `'`, which spreadsheets show as text and do not
 * evaluate (OWASP "CSV injection"). Import strips that `'` again, so an exported agenda re-imports equal.
 */

/** Starts a formula in Excel, LibreOffice, WPS or Google Sheets: `= + - @`, tab, CR, and the fullwidth `＝ ＋ － ＠`. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number (`-12.5`) is data, not a formula. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The cell as it is safe to write: `'=1+1` for `=1+1`; other cells unchanged. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before neutraliseFormula: `'=1+1` → `=1+1`; any other cell (even `'quoted'`) unchanged. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) && !PLAIN_NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
