import { describe, expect, test } from 'vitest';
import {
  formatClock,
  formatClockDisplay,
  formatElapsed,
  formatSeconds,
  formatSignedDuration,
} from '../../../shared/clock/format';

const MINUS = '\u2212';

describe('formatClock (countdown digits)', () => {
  test.each([
    [15 * 60_000, '15:00'],
    [61_000, '1:01'],
    [60_001, '1:01'], // rounds up: a started second still shows
    [60_000, '1:00'],
    [1_001, '0:02'],
    [1_000, '0:01'],
    [1, '0:01'], // 0:00 appears only at zero
    [0, '0:00'],
    [-0, '0:00'],
  ])('%s ms left → %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  test.each([
    [-1, '+0:00'], // the first second of overtime is +0:00 (whole seconds past zero)
    [-999, '+0:00'],
    [-1_000, '+0:01'],
    [-59_999, '+0:59'],
    [-60_000, '+1:00'],
    [-754_000, '+12:34'],
    [-3_600_000, '+1:00:00'],
  ])('overtime %s ms → %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  test.each([
    [3_600_000, '1:00:00'],
    [3_599_000, '59:59'],
    [3_599_001, '1:00:00'], // rounds up into the hour
    [2 * 3_600_000 + 5 * 60_000 + 9_000, '2:05:09'],
  ])('hours only from an hour: %s ms → %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('formatElapsed (count-up digits)', () => {
  test.each([
    [0, '0:00'],
    [999, '0:00'], // counts whole seconds, rounding down
    [1_000, '0:01'],
    [125_500, '2:05'],
    [3_600_000, '1:00:00'],
    [-5_000, '0:00'], // never negative
  ])('%s ms elapsed → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('formatSeconds', () => {
  test.each([
    [0, '0:00'],
    [59, '0:59'],
    [600, '10:00'],
    [3_661, '1:01:01'],
    [36_000, '10:00:00'],
  ])('%s s → %s', (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });
});

describe('formatSignedDuration (drift)', () => {
  test.each([
    [60_000, '+1:00'],
    [-30_000, `${MINUS}0:30`],
    [0, '0:00'],
    [400, '0:00'], // under half a second is on time
    [-400, '0:00'],
    [90_600, '+1:31'], // rounds to the nearest second
    [-3_723_000, `${MINUS}1:02:03`],
  ])('%s ms → %s', (ms, text) => {
    expect(formatSignedDuration(ms)).toBe(text);
  });

  test('uses a true minus sign, not a hyphen', () => {
    expect(formatSignedDuration(-60_000).startsWith('-')).toBe(false);
  });
});

describe('formatClockDisplay', () => {
  test('counts down when the item has a duration, counts up when it has none', () => {
    expect(formatClockDisplay(90_000, 30_000)).toBe('1:30');
    expect(formatClockDisplay(-2_000, 0)).toBe('+0:02');
    expect(formatClockDisplay(null, 90_000)).toBe('1:30');
  });
});
