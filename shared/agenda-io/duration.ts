import { LIMITS } from '../agenda/agenda-constants';
import { pad2 } from '../time/zoned-time';

/**
 * Durations as organisers type them in a spreadsheet (docs/agenda-format.md):
 * - `mm`: minutes, whole or decimal (`7`, `7.5`, `7,5`), optionally with a unit (`7 min`, `7分钟`);
 * - `mm:ss`: minutes and seconds (`7:30`, `90:00`);
 * - `h:mm:ss`: hours, minutes and seconds (`1:05:00`).
 * Returns whole seconds, or null when the text is not a duration (or is 0 or over 24 hours).
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s === '') return null;
  const colon = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  let seconds: number;
  if (colon) {
    const [, a, b, c] = colon;
    seconds = c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  } else {
    const minutes = /^(\d{1,4}(?:[.,]\d+)?)\s*(?:m|min|mins|minute|minutes|分|分钟)?$/.exec(s);
    if (!minutes) return null;
    seconds = Math.round(Number(minutes[1]!.replace(',', '.')) * 60);
  }
  return seconds >= 1 && seconds <= LIMITS.maxDurationSec ? seconds : null;
}

/** The form an export writes: whole minutes as a plain number (`7`), else `m:ss` or `h:mm:ss`. */
export function formatDurationCell(seconds: number): string {
  if (seconds % 60 === 0) return String(seconds / 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/**
 * A time of day as `HH:MM` (24-hour), from `H:MM`, `HH:MM`, `HH:MM:SS` with zero seconds (what a
 * spreadsheet's time cell reads as), or `HH.MM`. Null when it is not a time of day.
 */
export function parseTimeOfDay(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})(?::00)?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? `${pad2(h)}:${pad2(min)}` : null;
}
