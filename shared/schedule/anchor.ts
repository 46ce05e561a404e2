import type { Agenda } from '../agenda/agenda-schema';
import { recordOf, type Report } from '../report/report-types';
import type { Instant } from '../time/instant';
import { dateIn } from '../time/zoned-time';
import { buildPlan } from './plan';

/**
 * Planned times are times of day on the agenda's date. When the event is first started on another
 * date (a rehearsal, or the sample run today), the plan is re-anchored so that the first started
 * item's planned start equals its actual start. Returns the shift in ms (0 on the event's date).
 */
export function anchorOffsetMs(agenda: Agenda, report: Report): number {
  let first: { itemId: string; at: Instant } | null = null;
  for (const session of agenda.sessions) {
    for (const item of session.items) {
      const at = recordOf(report, item.id)?.actualStart ?? null;
      if (at !== null && (first === null || at < first.at)) first = { itemId: item.id, at };
    }
  }
  if (first === null || dateIn(first.at, agenda.timezone) === agenda.date) return 0;
  const planned = buildPlan(agenda).items.find((p) => p.itemId === first.itemId);
  return planned ? first.at - planned.plannedStart : 0;
}

/** True once any item's clock has been started. */
export function hasStarted(report: Report): boolean {
  return Object.values(report).some((r) => r.actualStart !== null);
}

/** True once the event has started, or on its own date: only then does "now" push projections late. */
export function isLive(agenda: Agenda, report: Report, now: Instant): boolean {
  return hasStarted(report) || dateIn(now, agenda.timezone) === agenda.date;
}

/**
 * Whether a session may start as soon as the previous one ends (the event's setting, on unless
 * set off). Only once the event has started: before that, the projection is the plan.
 */
export function pullsSessionsForward(agenda: Agenda, report: Report): boolean {
  return agenda.sessionsPullForward !== false && hasStarted(report);
}
