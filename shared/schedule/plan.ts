import type { Agenda, Session } from '../agenda/agenda-schema';
import { durationMs, instant, type DurationMs, type Instant } from '../time/instant';
import { zonedToInstant } from '../time/zoned-time';
import { endAtInstant, endByOf } from '../timing/end-by';

/** The plan of one item: where it sits in its session, before any live progress. */
export interface PlannedItem {
  itemId: string;
  sessionId: string;
  plannedStart: Instant;
  plannedEnd: Instant;
  /** Its duration, or for an item without one, its equal share of the session's unallocated time. */
  plannedDurationMs: DurationMs;
}

export interface PlannedSession {
  sessionId: string;
  plannedStart: Instant;
  /** The session window's end, or where its items end if they overflow it. */
  plannedEnd: Instant;
}

export interface Plan {
  readonly items: readonly PlannedItem[];
  readonly sessions: readonly PlannedSession[];
  plannedEnd: Instant | null;
}

/**
 * Share of the session's unallocated planned time for each item that has no duration.
 * Computed from the plan (every item, skipped or not), never from live progress.
 */
export function unallocatedShareMs(session: Session): number {
  // An end-by session's window is its fixed end, not its planned end.
  const windowMs = (minutesOf(session.endAt ?? session.plannedEnd) - minutesOf(session.plannedStart)) * 60_000;
  let allocated = 0;
  let open = 0;
  for (const item of session.items) {
    if (item.durationSec === undefined) open += 1;
    else allocated += item.durationSec * 1000;
  }
  return open === 0 ? 0 : Math.max(0, windowMs - allocated) / open;
}

/** The last plan built for each agenda (agendas are immutable: a change replaces the object). */
const plans = new WeakMap<Agenda, { anchorOffsetMs: number; plan: Plan }>();

/**
 * The plan laid out on the agenda's date in its primary zone, shifted by `anchorOffsetMs`.
 * Memoised per agenda and offset (the schedule is projected on every snapshot and every frame
 * of some views); the result is shared, so it must not be changed.
 */
export function buildPlan(agenda: Agenda, anchorOffsetMs = 0): Plan {
  const cached = plans.get(agenda);
  if (cached?.anchorOffsetMs === anchorOffsetMs) return cached.plan;
  const plan = computePlan(agenda, anchorOffsetMs);
  plans.set(agenda, { anchorOffsetMs, plan });
  return plan;
}

function computePlan(agenda: Agenda, anchorOffsetMs: number): Plan {
  const items: PlannedItem[] = [];
  const sessions: PlannedSession[] = [];
  for (const session of agenda.sessions) {
    const start = instant(zonedToInstant(agenda.date, session.plannedStart, agenda.timezone) + anchorOffsetMs);
    const windowEnd = instant(zonedToInstant(agenda.date, session.plannedEnd, agenda.timezone) + anchorOffsetMs);
    const share = unallocatedShareMs(session);
    let cursor = start;
    for (const item of session.items) {
      // An end-by item ends at its time of day (never before it starts), whatever its duration.
      const endAt = endByOf(session, item);
      const endBy = endAt === undefined ? null : endAtInstant(agenda, endAt, anchorOffsetMs);
      const plannedDurationMs = durationMs(endBy !== null ? Math.max(0, endBy - cursor) : item.durationSec === undefined ? share : item.durationSec * 1000);
      const plannedEnd = instant(cursor + plannedDurationMs);
      items.push({ itemId: item.id, sessionId: session.id, plannedStart: cursor, plannedEnd, plannedDurationMs });
      cursor = plannedEnd;
    }
    // An end-by session ends where its last item does (its end-by, unless the items overflow it).
    const fixedEnd = session.endAt !== undefined && session.items.some((i) => !i.skipped);
    sessions.push({ sessionId: session.id, plannedStart: start, plannedEnd: fixedEnd || cursor > windowEnd ? cursor : windowEnd });
  }
  const last = sessions.reduce<Instant | null>((m, s) => (m === null || s.plannedEnd > m ? s.plannedEnd : m), null);
  return { items, sessions, plannedEnd: last };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
