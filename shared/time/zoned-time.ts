import { instant, type Instant } from './instant';

/**
 * Conversions between instants and wall-clock time in IANA zones, using only Intl.
 * Agenda times are "HH:MM on the event's date in its primary zone".
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTimeIn(at: Instant, timeZone: string): WallTime {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out['year'] ?? 1970,
    month: out['month'] ?? 1,
    day: out['day'] ?? 1,
    hour: out['hour'] ?? 0,
    minute: out['minute'] ?? 0,
    second: out['second'] ?? 0,
  };
}

/** Offset of the zone from UTC at the given instant, in ms (Beijing: +8 h). */
export function zoneOffsetMs(at: Instant, timeZone: string): number {
  const w = wallTimeIn(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

const zonedCache = new Map<string, Instant>();

/** The instant at which the wall clock in `timeZone` reads `date` `hh:mm`. Memoised: it is pure. */
export function zonedToInstant(date: string, hhmm: string, timeZone: string): Instant {
  const key = `${date} ${hhmm} ${timeZone}`;
  const cached = zonedCache.get(key);
  if (cached !== undefined) return cached;
  const result = computeZonedToInstant(date, hhmm, timeZone);
  if (zonedCache.size > 2000) zonedCache.clear();
  zonedCache.set(key, result);
  return result;
}

function computeZonedToInstant(date: string, hhmm: string, timeZone: string): Instant {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  const naiveUtc = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Two passes settle the offset, including across a DST change between guess and answer.
  let guess = naiveUtc - zoneOffsetMs(instant(naiveUtc), timeZone);
  guess = naiveUtc - zoneOffsetMs(instant(guess), timeZone);
  return instant(guess);
}

/** YYYY-MM-DD of the instant in the zone. */
export function dateIn(at: Instant, timeZone: string): string {
  const w = wallTimeIn(at, timeZone);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** HH:MM of the instant in the zone (24-hour). */
export function timeOfDayIn(at: Instant, timeZone: string, withSeconds = false): string {
  const w = wallTimeIn(at, timeZone);
  const hm = `${pad2(w.hour)}:${pad2(w.minute)}`;
  return withSeconds ? `${hm}:${pad2(w.second)}` : hm;
}

export function isValidTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
