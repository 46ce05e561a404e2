import { describe, expect, it } from 'vitest';
import { columnOf, normaliseHeader } from '../../../shared/agenda-io/columns';
import { formatDurationCell, parseDuration, parseTimeOfDay } from '../../../shared/agenda-io/duration';
import { attendanceOf, booleanOf, kindOf } from '../../../shared/agenda-io/item-cells';
import { languageTagOf, isKnownLanguage } from '../../../shared/agenda-io/language-names';

describe('durations', () => {
  it.each([
    ['7', 420],
    [' 15 ', 900],
    ['7.5', 450],
    ['7,5', 450],
    ['7 min', 420],
    ['7分钟', 420],
    ['7:30', 450],
    ['90:00', 5400],
    ['0:45', 45],
    ['1:05:00', 3900],
    ['24:00:00', 86_400],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['fifteen', '', '0', '-5', '7:75', '1:2:3', '25:00:00', '7 hours', '1e3'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('writes whole minutes as a number and the rest as m:ss or h:mm:ss, which read back the same', () => {
    for (const [seconds, text] of [
      [420, '7'],
      [450, '7:30'],
      [3600, '60'],
      [3905, '1:05:05'],
    ] as const) {
      expect(formatDurationCell(seconds)).toBe(text);
      expect(parseDuration(text)).toBe(seconds);
    }
  });

  it('reads times of day as HH:MM, also from a time cell with zero seconds', () => {
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay('14:00:00')).toBe('14:00');
    expect(parseTimeOfDay('14.30')).toBe('14:30');
    for (const bad of ['24:00', '9am', '14:00:30', '14:60', '']) expect(parseTimeOfDay(bad)).toBeNull();
  });
});

describe('headers', () => {
  it('matches columns case-insensitively, with spaces for underscores and bracketed notes ignored', () => {
    expect(columnOf('Session_Start')).toBe('session_start');
    expect(columnOf('session start')).toBe('session_start');
    expect(columnOf('\uFEFFSession')).toBe('session');
    expect(columnOf('Duration (min)')).toBe('duration');
    expect(normaliseHeader('  Booth-Notes ')).toBe('booth notes');
  });

  it('accepts the obvious aliases, in English and Chinese', () => {
    expect(columnOf('Speaker name')).toBe('speaker');
    expect(columnOf('Affiliation')).toBe('organisation');
    expect(columnOf('Lang')).toBe('language');
    expect(columnOf('Mins')).toBe('duration');
    expect(columnOf('Item')).toBe('title');
    expect(columnOf('发言人')).toBe('speaker');
    expect(columnOf('时长')).toBe('duration');
    expect(columnOf('Favourite colour')).toBeNull();
  });
});

describe('cell values', () => {
  it('reads kinds, with aliases; empty is a talk', () => {
    expect(kindOf('Q&A')).toBe('q-and-a');
    expect(kindOf('q & a')).toBe('q-and-a');
    expect(kindOf('Coffee break')).toBe('break');
    expect(kindOf('茶歇')).toBe('break');
    expect(kindOf('')).toBe('talk');
    expect(kindOf('lecture-ish')).toBeNull();
  });

  it('reads attendance and yes/no cells', () => {
    expect(attendanceOf('On-site')).toBe('onsite');
    expect(attendanceOf('线上')).toBe('online');
    expect(attendanceOf('')).toBe('onsite');
    expect(attendanceOf('hybrid')).toBeNull();
    expect([booleanOf('Yes'), booleanOf('x'), booleanOf('是'), booleanOf(''), booleanOf('0')]).toEqual([true, true, true, false, false]);
    expect(booleanOf('maybe')).toBeNull();
  });

  it('reads language names as codes and tells known codes from unknown ones', () => {
    expect(languageTagOf('English')).toBe('en');
    expect(languageTagOf('中文')).toBe('zh');
    expect(languageTagOf('zh_cn')).toBe('zh-CN');
    expect(languageTagOf('en!!')).toBeNull();
    expect(isKnownLanguage('yue')).toBe(true);
    expect(isKnownLanguage('xx')).toBe(false);
  });
});
