import { formatSeconds } from '../../../../shared/clock/format';

/**
 * Durations as the chair types them: "7" (minutes), "7:30" (m:ss), "1:05:00" (h:mm:ss), "90s".
 * Returns whole seconds (0 included), null for an empty field, or undefined when the text is not
 * a duration at all.
 */
export function readDurationInput(text: string): number | null | undefined {
  const s = text.trim().replace(/[：]/g, ':');
  if (s === '') return null;
  let seconds: number | undefined;
  const secondsOnly = /^(\d+)\s*s$/i.exec(s);
  if (secondsOnly) seconds = Number(secondsOnly[1]);
  else if (/^\d+([.,]\d+)?$/.test(s)) seconds = Math.round(Number(s.replace(',', '.')) * 60);
  else if (/^\d+:[0-5]\d$/.test(s)) {
    const [m, sec] = s.split(':').map(Number);
    seconds = (m ?? 0) * 60 + (sec ?? 0);
  } else if (/^\d+:[0-5]\d:[0-5]\d$/.test(s)) {
    const [h, m, sec] = s.split(':').map(Number);
    seconds = (h ?? 0) * 3600 + (m ?? 0) * 60 + (sec ?? 0);
  }
  return seconds;
}

/**
 * A duration an item may have: whole seconds, at least 1 (shared/agenda's rule); null for an empty
 * field (no duration: the item counts up); undefined otherwise, 0 included.
 */
export function parseDurationInput(text: string): number | null | undefined {
  const seconds = readDurationInput(text);
  return seconds === null || (seconds !== undefined && seconds > 0) ? seconds : undefined;
}

/** The field's text for a duration in seconds ('' for none). */
export const durationInputText = (durationSec: number | undefined): string =>
  durationSec === undefined ? '' : formatSeconds(durationSec);
