import { durationMs, type DurationMs, type Instant } from '../time/instant';

export const CLOCK_STATUSES = ['idle', 'running', 'paused', 'ended'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

export const PHASES = ['normal', 'warning', 'danger', 'overtime'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The session clock, anchored to timestamps: elapsed time is `accumulatedMs` plus, while running,
 * the time since `runningSince`. Nothing ever counts ticks.
 */
export interface ClockState {
  status: ClockStatus;
  /** The loaded item; null only before an agenda has items, or after the event ended. */
  currentItemId: string | null;
  /** Server instant at which the current run segment began; null unless running. */
  runningSince: Instant | null;
  /** Elapsed time of the current item before `runningSince` (all earlier segments). */
  accumulatedMs: DurationMs;
  /** Time the moderator added (+) or took away (−) on the current item. */
  addedMs: DurationMs;
}

export const IDLE_CLOCK: ClockState = {
  status: 'idle',
  currentItemId: null,
  runningSince: null,
  accumulatedMs: durationMs(0),
  addedMs: durationMs(0),
};
