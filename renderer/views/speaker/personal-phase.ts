import type { Schedule } from '../../../shared/schedule/projection';
import type { Instant } from '../../../shared/time/instant';

export type PersonalPhase =
  | { phase: 'unknown' }
  | { phase: 'on' }
  | { phase: 'after' }
  | { phase: 'before'; start: Instant | null };

/**
 * Where one item stands for its speaker: on (current), after (done, skipped, passed over or the
 * agenda ended), or before, with its projected start from the one projection.
 */
export function personalPhase(schedule: Schedule | null, itemId: string): PersonalPhase {
  const item = schedule?.items.find((i) => i.itemId === itemId);
  if (item === undefined) return { phase: 'unknown' };
  if (item.progress === 'current') return { phase: 'on' };
  if (item.progress !== 'upcoming') return { phase: 'after' };
  return { phase: 'before', start: item.projectedStart };
}

/** Whole minutes until `start`, rounded up (0 once it is due: the item is late, not started yet). */
export const minutesUntil = (start: Instant, now: Instant): number => Math.max(0, Math.ceil((start - now) / 60_000));
