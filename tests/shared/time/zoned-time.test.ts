import { describe, expect, test } from 'vitest';
import { instant } from '../../../shared/time/instant';
import {
  dateIn,
  isValidTimeZone,
  timeOfDayIn,
  wallTimeIn,
  zonedToInstant,
  zoneOffsetMs,
} from '../../../shared/time/zoned-time';

const BEIJING = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('the reference event', () => {
  test('14:00 Beijing on 2022-11-17 is 06:00Z and 07:00 in Berlin (CET)', () => {
    const start = zonedToInstant('2022-11-17', '14:00', BEIJING);
    expect(new Date(start).toISOString()).toBe('2022-11-17T06:00:00.000Z');
    expect(timeOfDayIn(start, BERLIN)).toBe('07:00');
    expect(dateIn(start, BERLIN)).toBe('2022-11-17');
  });

  test('16:30 Beijing is 09:30 CET, as the document says', () => {
    expect(timeOfDayIn(zonedToInstant('2022-11-17', '16:30', BEIJING), BERLIN)).toBe('09:30');
  });

  test('does not depend on the machine zone (pinned to São Paulo by the setup file)', () => {
    expect(process.env['TZ']).toBe('America/Sao_Paulo');
    const start = zonedToInstant('2022-11-17', '14:00', BEIJING);
    expect(timeOfDayIn(start, BEIJING)).toBe('14:00');
    expect(timeOfDayIn(start, 'UTC')).toBe('06:00');
  });
});

describe('Beijing → Berlin across the European DST changes', () => {
  test.each([
    // Autumn 2022: CEST (+2) until 2022-10-30 01:00Z, then CET (+1).
    ['2022-10-29', '14:00', '2022-10-29', '08:00'],
    ['2022-10-30', '08:30', '2022-10-30', '02:30'], // 00:30Z, still CEST
    ['2022-10-30', '09:30', '2022-10-30', '02:30'], // 01:30Z, already CET: the repeated hour
    ['2022-10-30', '14:00', '2022-10-30', '07:00'],
    ['2022-10-31', '14:00', '2022-10-31', '07:00'],
    // Spring 2023: CET (+1) until 2023-03-26 01:00Z, then CEST (+2).
    ['2023-03-25', '14:00', '2023-03-25', '07:00'],
    ['2023-03-26', '08:30', '2023-03-26', '01:30'], // 00:30Z, still CET
    ['2023-03-26', '09:30', '2023-03-26', '03:30'], // 01:30Z, already CEST: 02:xx never happens
    ['2023-03-26', '14:00', '2023-03-26', '08:00'],
    ['2023-03-27', '14:00', '2023-03-27', '08:00'],
  ])('%s %s Beijing is %s %s Berlin', (date, hhmm, berlinDate, berlinTime) => {
    const at = zonedToInstant(date, hhmm, BEIJING);
    expect(timeOfDayIn(at, BEIJING)).toBe(hhmm);
    expect(dateIn(at, BERLIN)).toBe(berlinDate);
    expect(timeOfDayIn(at, BERLIN)).toBe(berlinTime);
  });
});

describe('Berlin → Beijing across the European DST changes', () => {
  test.each([
    ['2022-10-29', '09:00', '15:00', 2], // CEST
    ['2022-10-30', '09:00', '16:00', 1], // CET from that night
    ['2022-10-31', '09:00', '16:00', 1],
    ['2023-03-25', '09:00', '16:00', 1],
    ['2023-03-26', '09:00', '15:00', 2], // CEST from that night
    ['2023-03-27', '09:00', '15:00', 2],
  ])('%s %s Berlin is %s Beijing (Berlin at UTC+%i)', (date, hhmm, beijingTime, berlinOffsetHours) => {
    const at = zonedToInstant(date, hhmm, BERLIN);
    expect(timeOfDayIn(at, BERLIN)).toBe(hhmm);
    expect(timeOfDayIn(at, BEIJING)).toBe(beijingTime);
    expect(dateIn(at, BEIJING)).toBe(date);
    expect(zoneOffsetMs(at, BERLIN)).toBe(berlinOffsetHours * HOUR);
    expect(zoneOffsetMs(at, BEIJING)).toBe(8 * HOUR);
  });
});

describe('crossing midnight', () => {
  test('23:30 Beijing is 16:30 the same day in Berlin', () => {
    const at = zonedToInstant('2022-11-17', '23:30', BEIJING);
    expect(dateIn(at, BEIJING)).toBe('2022-11-17');
    expect(dateIn(at, BERLIN)).toBe('2022-11-17');
    expect(timeOfDayIn(at, BERLIN)).toBe('16:30');
  });

  test('00:30 Beijing is the previous day in Berlin', () => {
    const at = zonedToInstant('2022-11-18', '00:30', BEIJING);
    expect(dateIn(at, BEIJING)).toBe('2022-11-18');
    expect(timeOfDayIn(at, BEIJING)).toBe('00:30'); // never "24:30"
    expect(dateIn(at, BERLIN)).toBe('2022-11-17');
    expect(timeOfDayIn(at, BERLIN)).toBe('17:30');
  });

  test('midnight itself reads 00:00 on the new day', () => {
    const at = zonedToInstant('2023-01-01', '00:00', BEIJING);
    expect(new Date(at).toISOString()).toBe('2022-12-31T16:00:00.000Z');
    expect(dateIn(at, BEIJING)).toBe('2023-01-01');
    expect(timeOfDayIn(at, BEIJING, true)).toBe('00:00:00');
    expect(wallTimeIn(at, BEIJING)).toEqual({ year: 2023, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });
});

describe('timeOfDayIn', () => {
  test('shows seconds on request', () => {
    const at = instant(Date.UTC(2022, 10, 17, 6, 10, 42, 900));
    expect(timeOfDayIn(at, BEIJING)).toBe('14:10');
    expect(timeOfDayIn(at, BEIJING, true)).toBe('14:10:42');
  });
});

describe('isValidTimeZone', () => {
  test.each([
    ['Asia/Shanghai', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['Beijing', false],
    ['', false],
  ])('%s → %s', (tz, ok) => {
    expect(isValidTimeZone(tz)).toBe(ok);
  });
});
