import type { Instant } from '../time/instant';
import type { Schedule } from './projection';

/** How far ahead a client looks to see whether its projection moves with time. */
export const LOOK_AHEAD_MS = 1000;

/**
 * The next instant after `now` at which a projection that stands still may change: the first
 * projected start or end still ahead. Time enters the projection only there: a running item starts
 * overrunning at its projected end (from then on its end is "now"), an item not yet started
 * starts late once "now" passes its projected start. Null when nothing is ahead. A projection
 * that moves with time (a paused or overrunning item, a start already late) changes all the time:
 * `movesWithTime` says so.
 */
export function nextProjectionChange(schedule: Schedule, now: Instant): Instant | null {
  let next: Instant | null = null;
  for (const item of schedule.items) {
    for (const t of [item.projectedStart, item.projectedEnd]) {
      if (t !== null && t > now && (next === null || t < next)) next = t;
    }
  }
  return next;
}

/** Whether two projections, `LOOK_AHEAD_MS` apart, differ: the later one moved with time. */
export function movesWithTime(now: Schedule, ahead: Schedule): boolean {
  return now.items.some((item, i) => {
    const later = ahead.items[i];
    return later === undefined || later.projectedStart !== item.projectedStart || later.projectedEnd !== item.projectedEnd;
  });
}

/**
 * An item's projected start at `now`, from a projection made at `at` and, while the projection
 * moves with time, the one `LOOK_AHEAD_MS` later: a running clock leaves a start where it is
 * (slope 0), a paused or overrunning one pushes it later at the pace of time (slope 1). Exact
 * between two projections unless the clock changes course, and the state change re-projects then.
 */
export function projectedStartAt(
  { schedule, ahead, at }: { schedule: Schedule | null; ahead: Schedule | null; at: Instant },
  itemId: string | undefined,
  now: Instant,
): number | null {
  if (schedule === null || itemId === undefined) return null;
  const start = schedule.items.find((i) => i.itemId === itemId)?.projectedStart ?? null;
  if (start === null || ahead === null) return start;
  const later = ahead.items.find((i) => i.itemId === itemId)?.projectedStart ?? null;
  const slope = later === null ? 0 : (later - start) / LOOK_AHEAD_MS;
  return start + slope * (now - at);
}
