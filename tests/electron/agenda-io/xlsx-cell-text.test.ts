import { describe, expect, it } from 'vitest';
import { numberText } from '../../../electron/agenda-io/xlsx-cell-text';

const day = (h: number, m: number, s = 0) => (h * 3600 + m * 60 + s) / 86_400;

describe('a numeric cell as the text a person typed', () => {
  it.each<[string, number, string, { text: string; short?: string }]>([
    ['General', 7.5, 'a plain number', { text: '7.5' }],
    ['0.00', 1 / 3, 'six decimals at most', { text: '0.333333' }],
    ['hh:mm:ss\\ AM/PM', day(12, 30), "LibreOffice's clock: 12:30 or 12:30:00", { text: '12:30:00', short: '12:30' }],
    ['h:mm:ss AM/PM', day(1, 5), 'the built-in one alike', { text: '1:05:00', short: '1:05' }],
    ['HH:MM:SS', day(7, 30, 15), 'seconds shown and set: only one reading', { text: '7:30:15' }],
    ['h:mm', day(7, 30), 'typed 7:30 in Excel', { text: '7:30' }],
    ['[hh]:mm:ss', day(90, 0), 'an elapsed 90:00 (LibreOffice)', { text: '90:00:00', short: '90:00' }],
    ['[h]:mm', day(1, 30), 'elapsed hours and minutes: a duration', { text: '1:30:00' }],
    ['mm:ss', day(0, 7, 30), 'minutes and seconds', { text: '7:30' }],
    ['[Red][h]:mm;@', day(2, 0), 'colours and sections ignored', { text: '2:00:00' }],
    ['yyyy-mm-dd', 46_355, 'a date', { text: '2026-11-29' }],
    ['yyyy-mm-dd hh:mm', 46_355 + day(14, 0), 'a date and time', { text: '2026-11-29 14:00' }],
  ])('%s, %s: %s', (format, value, _what, expected) => {
    expect(numberText(value, format, false)).toEqual(expected);
  });

  it('counts dates from 1904 when the workbook says so', () => {
    expect(numberText(44_893, 'yyyy-mm-dd', true).text).toBe('2026-11-29');
  });
});
