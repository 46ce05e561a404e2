import { flattenItems, type LocatedItem } from '../../../shared/agenda/agenda-queries';
import type { Agenda } from '../../../shared/agenda/agenda-schema';

/** How many of the coming items the booth lists. */
export const UPCOMING_COUNT = 5;

/** The items that will run after the current one (skipped ones left out), at most `count`. */
export function upcomingOf(agenda: Agenda | undefined, current: LocatedItem | undefined, count = UPCOMING_COUNT): LocatedItem[] {
  if (!agenda || !current) return [];
  return flattenItems(agenda)
    .slice(current.index + 1)
    .filter((l) => !l.item.skipped)
    .slice(0, count);
}
