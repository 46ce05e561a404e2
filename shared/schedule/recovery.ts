import { withDurations } from '../agenda/agenda-transforms';
import type { Instant } from '../time/instant';
import { projectSchedule, type ProjectionInput } from './projection';

/** No item is cut by more than this share of its duration, nor below this length. */
export const MAX_CUT_FRACTION = 0.5;
export const MIN_ITEM_SEC = 60;

export interface RecoveryCut {
  itemId: string;
  fromSec: number;
  toSec: number;
}

export interface RecoveryPlan {
  /** How late the event is projected to end now; ≤ 0 means on time. */
  lateMs: number;
  /** What each remaining item would need to lose, in agenda order. */
  cuts: RecoveryCut[];
  /** The drift left after the cuts (0 when they recover it all). */
  remainingLateMs: number;
}

/**
 * The recovery hint: the smallest equal share that every remaining item would need to lose for the
 * event to end on time. Leaves out `fixed` and end-by items, the items of an end-by session, items with no duration, and the running item.
 * Sessions that cannot start before their planned start absorb some cuts, so the share is found on
 * the real projection (bisection) rather than by dividing the drift.
 */
export function recoveryPlan(input: ProjectionInput, now: Instant): RecoveryPlan {
  const schedule = projectSchedule(input, now);
  const lateMs = schedule.driftMs;
  const upcoming = new Set(schedule.items.filter((i) => i.progress === 'upcoming').map((i) => i.itemId));
  // An end-by session's end is fixed: cutting its items would only lengthen its last item.
  const eligible = input.agenda.sessions
    .filter((s) => s.endAt === undefined)
    .flatMap((s) => s.items)
    .filter((i) => upcoming.has(i.id) && !i.fixed && i.endAt === undefined && i.durationSec !== undefined && i.durationSec > MIN_ITEM_SEC);
  if (lateMs <= 0 || eligible.length === 0) return { lateMs, cuts: [], remainingLateMs: Math.max(0, lateMs) };

  const cutsAt = (fraction: number): RecoveryCut[] =>
    eligible
      .map((i) => {
        const fromSec = i.durationSec!;
        const toSec = Math.max(MIN_ITEM_SEC, Math.ceil(fromSec * (1 - fraction)));
        return { itemId: i.id, fromSec, toSec };
      })
      .filter((c) => c.toSec < c.fromSec);
  const driftAt = (cuts: RecoveryCut[]) =>
    projectSchedule({ ...input, agenda: withDurations(input.agenda, new Map(cuts.map((c) => [c.itemId, c.toSec]))) }, now)
      .driftMs;

  let lo = 0;
  let hi = MAX_CUT_FRACTION;
  if (driftAt(cutsAt(hi)) > 0) {
    const cuts = cutsAt(hi);
    return { lateMs, cuts, remainingLateMs: driftAt(cuts) };
  }
  for (let i = 0; i < 24; i += 1) {
    const mid = (lo + hi) / 2;
    if (driftAt(cutsAt(mid)) > 0) lo = mid;
    else hi = mid;
  }
  const cuts = cutsAt(hi);
  return { lateMs, cuts, remainingLateMs: Math.max(0, driftAt(cuts)) };
}
