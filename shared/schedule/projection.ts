import type { Agenda } from '../agenda/agenda-schema';
import { flattenItems } from '../agenda/agenda-queries';
import { elapsedMs } from '../clock/clock-math';
import type { ClockState } from '../clock/clock-state';
import { recordOf, type Report } from '../report/report-types';
import { instant, type Instant } from '../time/instant';
import { anchorOffsetMs, isLive } from './anchor';
import { buildPlan } from './plan';

export type ItemProgress = 'done' | 'current' | 'upcoming' | 'skipped' | 'missed';

export interface ItemSchedule {
  itemId: string;
  sessionId: string;
  progress: ItemProgress;
  plannedStart: Instant;
  plannedEnd: Instant;
  plannedDurationMs: number;
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
 * - A session never starts before its planned start: spare time absorbs lateness.
 * - The current item ends when its remaining time runs out, or now if it is already over.
 * - Skipped items leave the projection.
 */
export function projectSchedule({ agenda, clock, report }: ProjectionInput, now: Instant): Schedule {
  const offset = anchorOffsetMs(agenda, report);
  const plan = buildPlan(agenda, offset);
  const live = isLive(agenda, report, now);
  const located = flattenItems(agenda);
  const currentIndex =
    clock.status === 'ended' ? located.length : located.findIndex((l) => l.item.id === clock.currentItemId);

  const items: ItemSchedule[] = [];
  let cursor: Instant | null = null;
  let sessionOpen = '';

  located.forEach(({ item, session }, index) => {
    const planned = plan.items[index]!;
    const rec = recordOf(report, item.id);
    const base = {
      itemId: item.id,
      sessionId: session.id,
      plannedStart: planned.plannedStart,
      plannedEnd: planned.plannedEnd,
      plannedDurationMs: planned.plannedDurationMs,
      actualStart: rec?.actualStart ?? null,
      actualEnd: rec?.actualEnd ?? null,
    };
    const none = { projectedStart: null, projectedEnd: null };
    if (item.skipped) {
      items.push({ ...base, ...none, progress: 'skipped' });
      return;
    }
    if (currentIndex !== -1 && index < currentIndex) {
      if (rec?.actualStart == null) {
        items.push({ ...base, ...none, progress: 'missed' });
        return;
      }
      const end = rec.actualEnd ?? instant(rec.actualStart + rec.elapsedMs);
      items.push({ ...base, progress: 'done', projectedStart: rec.actualStart, projectedEnd: end });
      cursor = end;
      sessionOpen = session.id;
      return;
    }
    const firstOfSession = sessionOpen !== session.id;
    const sessionStart = plan.sessions.find((s) => s.sessionId === session.id)!.plannedStart;
    // With nothing projected before it (all earlier items skipped or missed), an item starts at
    // its session's start, not at its own planned slot: skipped items leave the projection.
    let earliest: Instant = cursor ?? sessionStart;
    if (firstOfSession && sessionStart > earliest) earliest = sessionStart;

    if (index === currentIndex) {
      const elapsed = elapsedMs(clock, now);
      const started = rec?.actualStart != null || elapsed > 0 || clock.status === 'running';
      const left = Math.max(0, planned.plannedDurationMs + clock.addedMs - elapsed);
      const start = started
        ? (rec?.actualStart ?? now)
        : live && now > earliest
          ? now
          : earliest;
      const end = instant((started ? Math.max(now, start) : start) + left);
      items.push({ ...base, progress: 'current', projectedStart: start, projectedEnd: end });
      cursor = end;
    } else {
      const left = Math.max(0, planned.plannedDurationMs + (rec ? rec.addedMs - rec.elapsedMs : 0));
      const end = instant(earliest + left);
      items.push({ ...base, progress: 'upcoming', projectedStart: earliest, projectedEnd: end });
      cursor = end;
    }
    sessionOpen = session.id;
  });

  const sessions: SessionSchedule[] = plan.sessions.map((ps) => {
    const own = items.filter((i) => i.sessionId === ps.sessionId && i.projectedStart !== null);
    const projectedStart = own[0]?.projectedStart ?? null;
    const projectedEnd = own.length > 0 ? own[own.length - 1]!.projectedEnd : null;
    return { ...ps, projectedStart, projectedEnd, driftMs: projectedEnd === null ? 0 : projectedEnd - ps.plannedEnd };
  });

  const projectedEnd = sessions.reduce<Instant | null>(
    (m, s) => (s.projectedEnd !== null && (m === null || s.projectedEnd > m) ? s.projectedEnd : m),
    null,
  );
  const driftMs = projectedEnd !== null && plan.plannedEnd !== null ? projectedEnd - plan.plannedEnd : 0;
  return { anchorOffsetMs: offset, items, sessions, plannedEnd: plan.plannedEnd, projectedEnd, driftMs };
}
