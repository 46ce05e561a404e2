import { findItem } from '../agenda/agenda-queries';
import { phaseOf, remainingMs, thresholdsOf } from '../clock/clock-math';
import type { AutomationRule, TimedTrigger } from '../contract/automation';
import type { RostrumState } from '../contract/state';
import { recordOf } from '../report/report-types';
import type { Instant } from '../time/instant';

/**
 * The time-driven triggers: the current item's remaining time crossing a threshold. Computed from
 * the anchored clock (shared/clock/clock-math.ts), so the engine can arm one timer for the next
 * crossing instead of looking every frame. Pure.
 */

/** Remaining time (ms) at which `when` is reached on `item`, or null when that phase never shows for it. */
export function thresholdMs(rule: Pick<AutomationRule, 'when' | 'overtimeSec'> & { when: TimedTrigger }, item: Parameters<typeof thresholdsOf>[0]): number | null {
  const t = thresholdsOf(item);
  switch (rule.when) {
    case 'item.warning':
      // The same rule as the displays: a warning at or below the danger threshold never shows.
      return phaseOf(t.warningMs, t) === 'warning' ? t.warningMs : null;
    case 'item.danger':
      return t.dangerMs > 0 ? t.dangerMs : null;
    case 'item.timeUp':
      return 0;
    case 'item.overtime':
      return -(rule.overtimeSec ?? 0) * 1000;
  }
}

export interface ItemRun {
  itemId: string;
  /** The item's run: its first start (a reset starts a new run). */
  runKey: string;
  /** Remaining time now; null when the item counts up (no duration). */
  remaining: number | null;
  running: boolean;
}

/** The current item's run, as of `now`; null when no item is current or it has not started. */
export function currentRun(state: RostrumState, now: Instant): ItemRun | null {
  const { clock } = state;
  if (clock.status === 'ended' || clock.status === 'idle' || clock.currentItemId === null) return null;
  const located = findItem(state.agenda, clock.currentItemId);
  const startedAt = recordOf(state.report, clock.currentItemId)?.actualStart ?? null;
  if (!located || startedAt === null) return null;
  return { itemId: clock.currentItemId, runKey: `${clock.currentItemId}@${startedAt}`, remaining: remainingMs(clock, located.item, now), running: clock.status === 'running' };
}

/** The instant the running clock reaches `threshold`, or null (not running, or already there). */
export function crossingAt(run: ItemRun, threshold: number, now: Instant): Instant | null {
  if (!run.running || run.remaining === null || run.remaining <= threshold) return null;
  return (now + (run.remaining - threshold)) as Instant;
}

/** The phase a timed trigger announces is still on: a late firing after a restart still means something. */
export function stillMeaningful(when: TimedTrigger, remaining: number, state: RostrumState): boolean {
  const item = findItem(state.agenda, state.clock.currentItemId)?.item;
  const phase = phaseOf(remaining, thresholdsOf(item));
  if (when === 'item.warning') return phase === 'warning';
  if (when === 'item.danger') return phase === 'danger';
  return phase === 'overtime';
}
