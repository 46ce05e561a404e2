import { describe, expect, it } from 'vitest';
import { parseCsv, serialiseCsv, sniffDelimiter } from '../../../shared/agenda-io/csv';

const fields = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`unclosed quote on row ${parsed.unclosedQuoteRow}`);
  return parsed.records.map((r) => r.fields);
};

describe('parseCsv', () => {
  it('reads plain records, with CRLF, LF or CR line ends, and no record for a final line break', () => {
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    expect(fields('title,notes\r\n"Hello, world","He said ""hi""\r\nthen left"\r\n')).toEqual([
      ['title', 'notes'],
      ['Hello, world', 'He said "hi"\r\nthen left'],
    ]);
  });

  it('numbers records as spreadsheet rows: a field with a line break is still one row, blank lines count', () => {
    const parsed = parseCsv('h1,h2\n"two\nlines",x\n\nlast,y\n');
    expect(parsed.records.map((r) => [r.row, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'two\nlines'],
      [3, ''],
      [4, 'last'],
    ]);
  });

  it('drops a byte-order mark and keeps empty fields', () => {
    expect(fields('\uFEFFsession,,title\nA,,T\n')).toEqual([['session', '', 'title'], ['A', '', 'T']]);
  });

  it('sniffs a semicolon (Excel in comma-decimal locales), a tab, and falls back to a comma', () => {
    expect(sniffDelimiter('session;title;notes\nA;B;"x, y"')).toBe(';');
    expect(sniffDelimiter('session\ttitle\n')).toBe('\t');
    expect(sniffDelimiter('"a;b",c\n')).toBe(',');
    expect(sniffDelimiter('title\n')).toBe(',');
    expect(fields('\uFEFFa;b\n"1;2";3\n')).toEqual([['a', 'b'], ['1;2', '3']]);
  });

  it('keeps a quote in the middle of an unquoted field as a plain character', () => {
    expect(fields('a,b\n5" screen,x\n')).toEqual([['a', 'b'], ['5" screen', 'x']]);
  });

  it('reports the row where an unclosed quote opened', () => {
    const parsed = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.unclosedQuoteRow).toBe(3);
  });
});

describe('serialiseCsv', () => {
  it('writes a BOM and CRLF, quoting only the fields that need it', () => {
    const text = serialiseCsv([
      ['a', 'b'],
      ['plain', 'with, comma'],
      ['"quoted"', 'two\nlines'],
      [' padded', '中文'],
    ]);
    expect(text).toBe('\uFEFFa,b\r\nplain,"with, comma"\r\n"""quoted""","two\nlines"\r\n" padded",中文\r\n');
  });

  it('round-trips any text through parseCsv, with either delimiter', () => {
    const records = [
      ['id', 'notes', 'x'],
      ['a;b', 'line 1\r\nline 2', ''],
      ['"', ',;\t', '  '],
      ['', '', 'end'],
    ];
    for (const delimiter of [',', ';'] as const) {
      const parsed = parseCsv(serialiseCsv(records, { delimiter }));
      expect(parsed.ok && parsed.delimiter).toBe(delimiter);
      expect(parsed.records.map((r) => r.fields)).toEqual(records);
    }
  });
});
