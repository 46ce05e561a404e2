import { MAX_GRACE_SEC, type AutoAdvance, type Item, type Session } from '../agenda/agenda-schema';
import type { Column } from './columns';
import { parseDuration, parseTimeOfDay } from './duration';
import { BOOLEAN_WORDS, booleanOf } from './item-cells';
import type { ProblemKind } from './problems';

/** The automatic-timing fields of a session as read from its rows (docs/schedule.md "Automatic transitions"). */
export type SessionTiming = Partial<Pick<Session, 'autoStart' | 'autoAdvance' | 'endAt'>>;

interface CellReader {
  get(column: Column): string;
  fail(column: Column, kind: ProblemKind, text: string, value?: string, detail?: string): void;
}

const ROLL_WORDS = new Set(['roll', 'follow plan', 'plan', '跟随计划', '按计划']);

/** An auto-advance cell: `roll`, or the grace in seconds (`0`, `15`, `0:30`); empty = off. */
export function autoAdvanceOf(text: string): AutoAdvance | undefined | null {
  const s = text.trim().toLowerCase();
  if (s === '') return undefined;
  if (ROLL_WORDS.has(s)) return 'roll';
  // Plain digits are seconds here (a grace is short), unlike the minutes of a duration cell.
  const graceSec = /^\d+$/.test(s) ? Number(s) : s.includes(':') ? parseDuration(s) : null;
  return graceSec !== null && graceSec <= MAX_GRACE_SEC ? { graceSec } : null;
}

/** How export writes an auto-advance: `roll`, or the grace in whole seconds; '' when off. */
export const autoAdvanceCell = (a: AutoAdvance | undefined): string => (a === undefined ? '' : a === 'roll' ? 'roll' : String(a.graceSec));

const AUTO_ADVANCE_WORDS = `roll, or the grace in seconds (0–${MAX_GRACE_SEC})`;

function readAutoAdvance(column: Column, { get, fail }: CellReader): AutoAdvance | undefined {
  const raw = get(column);
  const value = autoAdvanceOf(raw);
  if (value === null) fail(column, 'invalid', `"${raw}" is not an auto-advance (${AUTO_ADVANCE_WORDS})`, raw, AUTO_ADVANCE_WORDS);
  return value ?? undefined;
}

/** An item's end_at and auto_advance cells. */
export function readItemTiming(reader: CellReader): Partial<Pick<Item, 'endAt' | 'autoAdvance'>> {
  const raw = reader.get('end_at');
  const endAt = raw === '' ? undefined : parseTimeOfDay(raw);
  if (endAt === null) reader.fail('end_at', 'not-a-time', `"${raw}" is not a time of day (HH:MM, 24-hour)`, raw);
  const autoAdvance = readAutoAdvance('auto_advance', reader);
  return { ...(endAt ? { endAt } : {}), ...(autoAdvance === undefined ? {} : { autoAdvance }) };
}

/** A session's session_auto_start, session_auto_advance and session_end_at cells: the first row that gives one sets it. */
export function readSessionTiming(reader: CellReader & { r: { row: number } }, session: { timing: SessionTiming }): void {
  const startRaw = reader.get('session_auto_start');
  if (startRaw !== '' && session.timing.autoStart === undefined) {
    const autoStart = booleanOf(startRaw);
    if (autoStart === null) reader.fail('session_auto_start', 'not-a-boolean', `"${startRaw}" is not yes or no (${BOOLEAN_WORDS})`, startRaw, BOOLEAN_WORDS);
    else session.timing.autoStart = autoStart;
  }
  if (reader.get('session_auto_advance') !== '' && session.timing.autoAdvance === undefined) {
    const autoAdvance = readAutoAdvance('session_auto_advance', reader);
    if (autoAdvance !== undefined) session.timing.autoAdvance = autoAdvance;
  }
  const endRaw = reader.get('session_end_at');
  if (endRaw !== '' && session.timing.endAt === undefined) {
    const endAt = parseTimeOfDay(endRaw);
    if (endAt === null) reader.fail('session_end_at', 'not-a-time', `"${endRaw}" is not a time of day (HH:MM, 24-hour)`, endRaw);
    else session.timing.endAt = endAt;
  }
}
