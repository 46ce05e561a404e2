import type { Agenda } from '../agenda/agenda-schema';
import type { Instant } from '../time/instant';
import { dateIn } from '../time/zoned-time';
import { problem, type ImportProblem } from './problems';

/**
 * A warning when the imported agenda's date is not today in its own zone: an event imported for
 * today but carrying an old date would plan every time on that old day. `now` is passed in.
 */
export function dateNotTodayWarning(agenda: Agenda, now: Instant): ImportProblem | null {
  const today = dateIn(now, agenda.timezone);
  if (agenda.date === today) return null;
  return problem('date-not-today', { column: 'date' }, `the event's date is ${agenda.date}, not today (${today}): times are planned on ${agenda.date} (for another day, give the date: the date option, or in a JSON or YAML file its date field)`, agenda.date, today);
}
