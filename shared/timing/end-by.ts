import type { Agenda, Item, Session } from '../agenda/agenda-schema';
import { instant, type Instant } from '../time/instant';
import { zonedToInstant } from '../time/zoned-time';

/**
 * An end-by time (`endAt`, HH:MM in the event's primary zone, on the event's date) as an instant,
 * shifted like the rest of the plan (`anchorOffsetMs`, docs/schedule.md "Anchoring").
 */
export function endAtInstant(agenda: Agenda, endAt: string, anchorOffsetMs: number): Instant {
  return instant(zonedToInstant(agenda.date, endAt, agenda.timezone) + anchorOffsetMs);
}

/**
 * The end-by time an item counts to, or undefined: its own `endAt`, else — for the last item of
 * its session that is not skipped — the session's `endAt` (docs/schedule.md "End by for a
 * session": the platform cuts at the session's end, so the LAST item must end by then and absorbs
 * whatever the items before it leave). The one place that decides it.
 */
export function endByOf(session: Pick<Session, 'endAt' | 'items'>, item: Pick<Item, 'id' | 'endAt'>): string | undefined {
  if (item.endAt !== undefined) return item.endAt;
  if (session.endAt === undefined) return undefined;
  const last = session.items.findLast((i) => !i.skipped);
  return last?.id === item.id ? session.endAt : undefined;
}
