import type { Agenda } from '../agenda/agenda-schema';
import { instant, type Instant } from '../time/instant';
import { zonedToInstant } from '../time/zoned-time';

/**
 * An end-by time (`endAt`, HH:MM in the event's primary zone, on the event's date) as an instant,
 * shifted like the rest of the plan (`anchorOffsetMs`, docs/schedule.md "Anchoring").
 */
export function endAtInstant(agenda: Agenda, endAt: string, anchorOffsetMs: number): Instant {
  return instant(zonedToInstant(agenda.date, endAt, agenda.timezone) + anchorOffsetMs);
}
