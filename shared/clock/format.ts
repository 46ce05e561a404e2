import { pad2 } from '../time/zoned-time';

/**
 * The one formatter every view uses for clock digits.
 * - A countdown rounds up, so `0:00` appears only at zero.
 * - Overtime shows as `+m:ss`, counting whole seconds past zero.
 * - Hours appear only when an hour or more is shown.
 */
export function formatClock(remaining: number): string {
  if (remaining > 0) return formatSeconds(Math.ceil(remaining / 1000));
  if (remaining === 0) return '0:00';
  return `+${formatSeconds(Math.floor(-remaining / 1000))}`;
}

/** Count-up display for an item without a duration: whole elapsed seconds. */
export function formatElapsed(elapsed: number): string {
  return formatSeconds(Math.floor(Math.max(0, elapsed) / 1000));
}

/** `m:ss`, or `h:mm:ss` from an hour up. */
export function formatSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.trunc(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(sec)}` : `${m}:${pad2(sec)}`;
}

/** Signed minutes-and-seconds for drift and over/under: `+1:00`, `−0:30` (a true minus sign), `0:00`. */
export function formatSignedDuration(ms: number): string {
  const abs = Math.round(Math.abs(ms) / 1000);
  if (abs === 0) return '0:00';
  return `${ms > 0 ? '+' : '\u2212'}${formatSeconds(abs)}`;
}

/** The clock digits for a display: countdown when the item has a duration, else count-up. */
export function formatClockDisplay(remaining: number | null, elapsed: number): string {
  return remaining === null ? formatElapsed(elapsed) : formatClock(remaining);
}
