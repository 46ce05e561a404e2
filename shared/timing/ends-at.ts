import type { Agenda, Item } from '../agenda/agenda-schema';
import type { TimedItem } from '../clock/clock-math';
import type { Report } from '../report/report-types';
import { anchorOffsetMs } from '../schedule/anchor';
import type { Instant } from '../time/instant';
import { endAtInstant } from './end-by';

/** When an end-by item must end, or null for an item that counts a duration. */
export function endsAtOf(agenda: Agenda, report: Report, item: Pick<Item, 'endAt'>): Instant | null {
  return item.endAt === undefined ? null : endAtInstant(agenda, item.endAt, anchorOffsetMs(agenda, report));
}

/** The item as the clock math reads it: an end-by item carries the instant it counts down to. */
export function timedItemOf<T extends Item>(agenda: Agenda, report: Report, item: T): T & TimedItem {
  const endsAt = endsAtOf(agenda, report, item);
  return endsAt === null ? item : { ...item, endsAt };
}
