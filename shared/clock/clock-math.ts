import { DEFAULT_DANGER_SEC, DEFAULT_WARNING_SEC } from '../agenda/agenda-constants';
import { durationMs, seconds, type DurationMs, type Instant } from '../time/instant';
import type { ClockState, Phase } from './clock-state';

/** What the clock math needs to know about an item. */
export interface TimedItem {
  durationSec?: number | undefined;
  warningSec?: number | undefined;
  dangerSec?: number | undefined;
  /** An end-by item: the instant it counts down to, whatever its pauses (shared/timing/ends-at.ts). */
  endsAt?: Instant | null | undefined;
}

export function elapsedMs(clock: ClockState, now: Instant): DurationMs {
  const running = clock.status === 'running' && clock.runningSince !== null ? Math.max(0, now - clock.runningSince) : 0;
  return durationMs(clock.accumulatedMs + running);
}

/** The item's allotted time including what the moderator added; null when the item has no duration. */
export function allottedMs(item: TimedItem | undefined, addedMs: DurationMs): DurationMs | null {
  if (!item || item.durationSec === undefined) return null;
  return durationMs(item.durationSec * 1000 + addedMs);
}

/** Remaining time; negative in overtime; null for an item with no duration (it counts up). */
export function remainingMs(clock: ClockState, item: TimedItem | undefined, now: Instant): DurationMs | null {
  if (item?.endsAt != null) return durationMs(item.endsAt - now);
  const allotted = allottedMs(item, clock.addedMs);
  return allotted === null ? null : durationMs(allotted - elapsedMs(clock, now));
}

export function overtimeMs(remaining: number | null): number {
  return remaining !== null && remaining < 0 ? -remaining : 0;
}

export interface Thresholds {
  warningMs: DurationMs;
  dangerMs: DurationMs;
}

export function thresholdsOf(item: TimedItem | undefined): Thresholds {
  return {
    warningMs: seconds(item?.warningSec ?? DEFAULT_WARNING_SEC),
    dangerMs: seconds(item?.dangerSec ?? DEFAULT_DANGER_SEC),
  };
}

export function phaseOf(remaining: number | null, thresholds: Thresholds): Phase {
  if (remaining === null) return 'normal';
  if (remaining <= 0) return 'overtime';
  if (remaining <= thresholds.dangerMs) return 'danger';
  if (remaining <= thresholds.warningMs) return 'warning';
  return 'normal';
}

/**
 * The next instant after `now` at which the phase changes while the clock runs, or null.
 * Lets displays and cues schedule exactly instead of polling.
 */
export function nextPhaseChangeAt(clock: ClockState, item: TimedItem | undefined, now: Instant): Instant | null {
  if (clock.status !== 'running') return null;
  const remaining = remainingMs(clock, item, now);
  if (remaining === null || remaining <= 0) return null;
  const thresholds = thresholdsOf(item);
  const phase = phaseOf(remaining, thresholds);
  // Thresholds may come in any order (e.g. warningSec 0 switches the warning off), so take the
  // largest boundary below `remaining` at which the phase actually differs.
  const boundary = [thresholds.warningMs, thresholds.dangerMs, 0]
    .filter((b) => b < remaining)
    .sort((a, b) => b - a)
    .find((b) => phaseOf(b, thresholds) !== phase);
  return boundary === undefined ? null : ((now + (remaining - boundary)) as Instant);
}
