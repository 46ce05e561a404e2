import type { Agenda } from '../agenda/agenda-schema';
import { flattenItems } from '../agenda/agenda-queries';
import { elapsedMs } from '../clock/clock-math';
import type { ClockState } from '../clock/clock-state';
import { recordOf, type Report } from '../report/report-types';
import { instant, type DurationMs, type Instant } from '../time/instant';
import { endAtInstant, endByOf } from '../timing/end-by';
import { anchorOffsetMs, isLive, pullsSessionsForward } from './anchor';
import { buildPlan } from './plan';

export type ItemProgress = 'done' | 'current' | 'upcoming' | 'skipped' | 'missed';

export interface ItemSchedule {
  itemId: string;
  sessionId: string;
  progress: ItemProgress;
  plannedStart: Instant;
  plannedEnd: Instant;
  plannedDurationMs: DurationMs;
  /** Null for skipped items and for items passed over without being run. */
  projectedStart: Instant | null;
  projectedEnd: Instant | null;
  actualStart: Instant | null;
  actualEnd: Instant | null;
}

export interface SessionSchedule {
  sessionId: string;
  plannedStart: Instant;
  plannedEnd: Instant;
  projectedStart: Instant | null;
  projectedEnd: Instant | null;
  /** Projected minus planned end; positive = late. */
  driftMs: number;
}

export interface Schedule {
  anchorOffsetMs: number;
  items: ItemSchedule[];
  sessions: SessionSchedule[];
  plannedEnd: Instant | null;
  projectedEnd: Instant | null;
  /** Projected minus planned end of the event; positive = late. */
  driftMs: number;
}

export interface ProjectionInput {
  agenda: Agenda;
  clock: ClockState;
  report: Report;
}

/**
 * Planned, projected and actual times of every item (docs/schedule.md).
 * - A session waits for its planned start (spare time absorbs lateness), unless the event pulls
 *   sessions forward (`agenda.sessionsPullForward`, on by default) and has started: then it starts
 *   as soon as the previous one ends.
 * - The current item ends when its remaining time runs out, or now if it is already over.
 * - Skipped items leave the projection.
 */
export function projectSchedule({ agenda, clock, report }: ProjectionInput, now: Instant): Schedule {
  const offset = anchorOffsetMs(agenda, report);
  const plan = buildPlan(agenda, offset);
  const live = isLive(agenda, report, now);
  const pullForward = pullsSessionsForward(agenda, report);
  const located = flattenItems(agenda);
  const currentIndex =
    clock.status === 'ended' ? located.length : located.findIndex((l) => l.item.id === clock.currentItemId);

  const items: ItemSchedule[] = [];
  let cursor: Instant | null = null;
  let sessionOpen = '';

  const sessionStarts = new Map(plan.sessions.map((s) => [s.sessionId, s.plannedStart]));
  const push = (
    index: number,
    progress: ItemProgress,
    projectedStart: Instant | null,
    projectedEnd: Instant | null,
  ): void => {
    const { item, session } = located[index]!;
    const planned = plan.items[index]!;
    const rec = recordOf(report, item.id);
    items.push({
      itemId: item.id,
      sessionId: session.id,
      progress,
      plannedStart: planned.plannedStart,
      plannedEnd: planned.plannedEnd,
      plannedDurationMs: planned.plannedDurationMs,
      projectedStart,
      projectedEnd,
      actualStart: rec?.actualStart ?? null,
      actualEnd: rec?.actualEnd ?? null,
    });
  };

  for (let index = 0; index < located.length; index += 1) {
    const { item, session } = located[index]!;
    const planned = plan.items[index]!;
    const rec = recordOf(report, item.id);
    if (item.skipped) {
      push(index, 'skipped', null, null);
      continue;
    }
    if (currentIndex !== -1 && index < currentIndex) {
      if (rec?.actualStart == null) {
        push(index, 'missed', null, null);
        continue;
      }
      const end = rec.actualEnd ?? instant(rec.actualStart + rec.elapsedMs);
      push(index, 'done', rec.actualStart, end);
      cursor = end;
      sessionOpen = session.id;
      continue;
    }
    const firstOfSession = sessionOpen !== session.id;
    const sessionStart = sessionStarts.get(session.id)!;
    // With nothing projected before it (all earlier items skipped or missed), an item starts at
    // its session's start, not at its own planned slot: skipped items leave the projection.
    let earliest: Instant = cursor ?? sessionStart;
    if (firstOfSession && sessionStart > earliest && !pullForward) earliest = sessionStart;

    if (index === currentIndex) {
      const elapsed = elapsedMs(clock, now);
      const started = rec?.actualStart != null || elapsed > 0 || clock.status === 'running';
      const left = Math.max(0, planned.plannedDurationMs + clock.addedMs - elapsed);
      const start = started ? (rec?.actualStart ?? now) : live && now > earliest ? now : earliest;
      const endAt = endByOf(session, item);
      const endBy = endAt === undefined ? null : endAtInstant(agenda, endAt, offset);
      // An end-by item is a fixed end: it ends at its time of day (or now, once past it), pauses or not.
      const end =
        endBy !== null
          ? instant(Math.max(started ? now : start, endBy))
          : instant((started ? Math.max(now, start) : start) + left);
      push(index, 'current', start, end);
      cursor = end;
    } else {
      const left = Math.max(0, planned.plannedDurationMs + (rec ? rec.addedMs - rec.elapsedMs : 0));
      const endAt = endByOf(session, item);
      const endBy = endAt === undefined ? null : endAtInstant(agenda, endAt, offset);
      const end = endBy !== null ? instant(Math.max(earliest, endBy)) : instant(earliest + left);
      push(index, 'upcoming', earliest, end);
      cursor = end;
    }
    sessionOpen = session.id;
  }

  // First and last projected item of each session, in one pass.
  const bounds = new Map<string, { start: Instant; end: Instant | null }>();
  for (const i of items) {
    if (i.projectedStart === null) continue;
    const b = bounds.get(i.sessionId);
    if (b) b.end = i.projectedEnd;
    else bounds.set(i.sessionId, { start: i.projectedStart, end: i.projectedEnd });
  }
  const sessions: SessionSchedule[] = plan.sessions.map((ps) => {
    const b = bounds.get(ps.sessionId);
    const projectedEnd = b?.end ?? null;
    return {
      ...ps,
      projectedStart: b?.start ?? null,
      projectedEnd,
      driftMs: projectedEnd === null ? 0 : projectedEnd - ps.plannedEnd,
    };
  });

  const projectedEnd = sessions.reduce<Instant | null>(
    (m, s) => (s.projectedEnd !== null && (m === null || s.projectedEnd > m) ? s.projectedEnd : m),
    null,
  );
  const driftMs = projectedEnd !== null && plan.plannedEnd !== null ? projectedEnd - plan.plannedEnd : 0;
  return { anchorOffsetMs: offset, items, sessions, plannedEnd: plan.plannedEnd, projectedEnd, driftMs };
}
