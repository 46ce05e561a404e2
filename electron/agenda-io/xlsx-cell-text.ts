import { pad2 } from '../../shared/time/zoned-time';

/** The number formats a workbook may use without declaring them (ECMA-376, 18.8.30), as far as they matter here. */
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  ...Object.fromEntries([27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'yyyy-mm-dd'])),
  32: 'h:mm',
  33: 'h:mm:ss',
  55: 'h:mm AM/PM',
  56: 'h:mm:ss AM/PM',
};

export const builtinFormat = (id: number): string => BUILTIN_FORMATS[id] ?? '';

/**
 * A cell as text. `short`, when present, is the other way a person may have typed the same cell:
 * a time cell with zero seconds shown as `h:mm:ss` (`12:30:00`) holds either `12:30` (minutes and
 * seconds, as the docs write durations) or `12:30:00`; the reader cannot tell, so the agenda's
 * checks pick the one that fits the session (docs/agenda-format.md#time-cells).
 */
export interface CellReading {
  text: string;
  short?: string;
}

const EXCEL_EPOCH_DAYS = 25_569; // 1899-12-30 to 1970-01-01
const DAY_SEC = 86_400;

/** A format code without its literal text, colours, locales and padding: only what says date, time or number. */
const bareFormat = (format: string) =>
  format
    .toLowerCase()
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/g, '')
    .split(';')[0]!;

/** A numeric cell as the text a person typed, given its number format (`General`, `hh:mm:ss AM/PM`, `[h]:mm`…). */
export function numberText(value: number, format: string, date1904: boolean): CellReading {
  const fmt = bareFormat(format);
  const elapsed = /\[(h+|m+|s+)\]/.test(fmt);
  const hasTime = elapsed || /h|s|am\/pm|a\/p/.test(fmt);
  const hasDate = !elapsed && /[dy]/.test(fmt);
  if (!hasTime && !hasDate) return { text: String(Number.isInteger(value) ? value : Number(value.toFixed(6))) };

  const totalSec = Math.round(value * DAY_SEC);
  const secOfDay = elapsed ? totalSec : ((totalSec % DAY_SEC) + DAY_SEC) % DAY_SEC;
  const h = Math.floor(secOfDay / 3600);
  const m = Math.floor((secOfDay % 3600) / 60);
  const s = secOfDay % 60;
  let time: CellReading;
  if (!/h/.test(fmt) && /s/.test(fmt)) {
    // `mm:ss` or `[mm]:ss`: minutes and seconds, as shown.
    time = { text: `${elapsed ? Math.floor(secOfDay / 60) : m}:${pad2(s)}` };
  } else if (/s/.test(fmt)) {
    time = s === 0 ? { text: `${h}:${pad2(m)}:00`, short: `${h}:${pad2(m)}` } : { text: `${h}:${pad2(m)}:${pad2(s)}` };
  } else {
    // `[h]:mm` is a duration in hours and minutes; `h:mm` is what was typed, `7:30`.
    time = { text: elapsed ? `${h}:${pad2(m)}:${pad2(s)}` : `${h}:${pad2(m)}` };
  }
  if (!hasDate) return time;
  const days = Math.floor(value) + (date1904 ? 1462 : 0) - EXCEL_EPOCH_DAYS;
  const date = new Date(days * DAY_SEC * 1000).toISOString().slice(0, 10);
  return { text: hasTime ? `${date} ${time.text}` : date };
}
