import type { Instant } from '../../shared/time/instant';
import type { TimedItem } from '../../shared/clock/clock-math';
import { allottedMs } from '../../shared/clock/clock-math';
import type { ClockState, ClockStatus, Phase } from '../../shared/clock/clock-state';
import { readClock } from '../app/clock-reading';
import { PHASE_CUE, type Cue } from './cues';

/** What the cue rules need to know about the clock at one moment, as the display shows it. */
export interface CueObservation {
  itemId: string | null;
  status: ClockStatus;
  phase: Phase;
  /**
   * When the item's current run began (its report's `actualStart`); null until it starts. It holds
   * across pauses, reloads and reconnects, and a reset clears it, so a re-run is a new run.
   */
  startedAt: number | null;
  /** Allotted time including time added; null for an item without a duration. */
  allottedMs: number | null;
}

export interface CueDecision {
  cue: Cue;
  /**
   * Names the transition, the same in every window of every browser that sees it: item, run,
   * allotted time and phase. A window plays a cue only if it is the first to claim its key
   * (cue-claims.ts), so a reload, a reconnect or a second window never plays it again. Added time
   * changes the key: entering overtime again after the moderator gave a minute is a new transition.
   */
  key: string;
}

/** A run that began longer ago than this was joined late (an item revisited): no start cue. */
export const FRESH_START_MS = 5000;

const URGENCY: Record<Phase, number> = { normal: 0, warning: 1, danger: 2, overtime: 3 };

export function observeClock(
  clock: ClockState,
  item: TimedItem | undefined,
  startedAt: number | null,
  serverNow: Instant,
): CueObservation {
  return {
    itemId: clock.status === 'ended' ? null : clock.currentItemId,
    status: clock.status,
    phase: readClock(clock, item, serverNow).phase,
    startedAt,
    allottedMs: allottedMs(item, clock.addedMs),
  };
}

/**
 * The cue a change between two consecutive observations calls for, or null. Rules:
 * - the first observation (page load, reload) is a baseline: it never cues;
 * - entering a more urgent phase (warning → danger → overtime) cues that phase, also while paused
 *   (the moderator took time away); going back (time added) is silent;
 * - a run that begins now cues `start`, or the phase it begins in when that is already urgent
 *   (a 20-second slot) — one cue, the more important;
 * - the event ending cues `end`.
 */
export function cueFor(prev: CueObservation | null, next: CueObservation, serverNow: number): CueDecision | null {
  if (prev === null) return null;
  if (next.status === 'ended') {
    if (prev.status === 'ended') return null;
    return { cue: 'end', key: `end|${prev.itemId}|${prev.startedAt ?? 'unstarted'}` };
  }
  if (next.itemId === null || next.startedAt === null) return null;
  const run = `${next.itemId}|${next.startedAt}`;
  const phaseKey = `${run}|${next.allottedMs ?? 'open'}|${next.phase}`;
  const sameRun = prev.itemId === next.itemId && prev.startedAt === next.startedAt;

  if (!sameRun) {
    if (serverNow - next.startedAt > FRESH_START_MS) return null;
    const phaseCue = PHASE_CUE[next.phase];
    if (phaseCue) return { cue: phaseCue, key: phaseKey };
    return next.status === 'running' ? { cue: 'start', key: `${run}|start` } : null;
  }

  if (URGENCY[next.phase] <= URGENCY[prev.phase]) return null;
  const phaseCue = PHASE_CUE[next.phase];
  return phaseCue ? { cue: phaseCue, key: phaseKey } : null;
}
