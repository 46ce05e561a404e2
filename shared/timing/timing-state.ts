import type { Instant } from '../time/instant';

/**
 * What the automatic transitions remember (docs/schedule.md "Automatic transitions"), persisted
 * with the state so that each fires exactly once, across restarts.
 */
export interface TimingState {
  /** Sessions whose automatic start the moderator held (cancelled). */
  held: string[];
  /** Keys of transitions already applied (`start:<sessionId>`, `advance:<itemId>`): never again. */
  fired: string[];
}

export const EMPTY_TIMING: TimingState = { held: [], fired: [] };

export const AUX_TIMER_IDS = [1, 2] as const;
export type AuxTimerId = (typeof AUX_TIMER_IDS)[number];
export const AUX_DIRECTIONS = ['down', 'up'] as const;
export type AuxDirection = (typeof AUX_DIRECTIONS)[number];
/** Views that may show an extra timer (the console always does). */
export const AUX_VIEWS = ['speaker', 'booth', 'audience'] as const;
export type AuxView = (typeof AUX_VIEWS)[number];

/** A free timer, anchored like the main clock: elapsed = accumulatedMs + (now − runningSince). */
export interface AuxTimer {
  durationMs: number;
  direction: AuxDirection;
  status: 'idle' | 'running' | 'paused';
  runningSince: Instant | null;
  accumulatedMs: number;
  /** A few words shown beside it ("Coffee break ends"); '' for none. */
  label: string;
  /** The views that show it besides the console. */
  views: AuxView[];
}

/** The two extra timers, by id (`aux` in the state). */
export type AuxTimers = Record<`${AuxTimerId}`, AuxTimer>;

const idleAux = (): AuxTimer => ({ durationMs: 5 * 60_000, direction: 'down', status: 'idle', runningSince: null, accumulatedMs: 0, label: '', views: [] });
export const initialAux = (): AuxTimers => ({ '1': idleAux(), '2': idleAux() });

/** Elapsed time of an extra timer at `now`. */
export function auxElapsedMs(timer: AuxTimer, now: Instant): number {
  return timer.accumulatedMs + (timer.status === 'running' && timer.runningSince !== null ? Math.max(0, now - timer.runningSince) : 0);
}

/** What it shows: time left counting down (negative once over), or elapsed counting up. */
export function auxShownMs(timer: AuxTimer, now: Instant): number {
  const elapsed = auxElapsedMs(timer, now);
  return timer.direction === 'down' ? timer.durationMs - elapsed : elapsed;
}
