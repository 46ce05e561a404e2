import type { Agenda, Item } from '../agenda/agenda-schema';
import { findItem } from '../agenda/agenda-queries';
import type { TimedItem } from '../clock/clock-math';
import type { Report } from '../report/report-types';
import { anchorOffsetMs } from '../schedule/anchor';
import type { Instant } from '../time/instant';
import { endAtInstant, endByOf } from './end-by';

/** When an end-by item must end (its own end-by, or its session's for the last item), or null for an item that counts a duration. */
export function endsAtOf(agenda: Agenda, report: Report, item: Pick<Item, 'id' | 'endAt'>): Instant | null {
  const session = findItem(agenda, item.id)?.session;
  const endAt = session ? endByOf(session, item) : item.endAt;
  return endAt === undefined ? null : endAtInstant(agenda, endAt, anchorOffsetMs(agenda, report));
}

/** The item as the clock math reads it: an end-by item carries the instant it counts down to. */
export function timedItemOf<T extends Item>(agenda: Agenda, report: Report, item: T): T & TimedItem {
  const endsAt = endsAtOf(agenda, report, item);
  return endsAt === null ? item : { ...item, endsAt };
}
