import { agendaBaseSchema } from '../agenda/agenda-schema';
import type { Agenda } from '../agenda/agenda-schema';
import { EVENT_OPTION_KEYS, type EventOptionKey, type EventOptions } from './import-types';
import { languageTagOf } from './language-names';
import { problem, type ImportProblem } from './problems';

/** The event-level fields of an agenda: everything but its sessions. */
export type EventFields = Omit<Agenda, 'sessions'>;

export const eventFieldsOf = (agenda: Agenda): EventFields => {
  const { sessions: _sessions, ...fields } = agenda;
  return fields;
};

const list = (text: string): string[] =>
  text
    .split(/[,;，、\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The options given (query parameters, or the console's import dialog) as agenda fields, checked.
 * An option left out (or empty) is not returned: the caller keeps the current value.
 */
export function parseEventOptions(options: EventOptions): { fields: Partial<EventFields>; problems: ImportProblem[] } {
  const fields: Partial<EventFields> = {};
  const problems: ImportProblem[] = [];
  const bad = (key: EventOptionKey, value: string, why: string) =>
    problems.push(problem('bad-option', { column: key }, `"${value}" ${why}`, value, why));

  for (const key of EVENT_OPTION_KEYS) {
    const raw = options[key]?.trim();
    if (raw === undefined || raw === '') continue;
    if (key === 'extraTimezones' || key === 'languages') {
      const values = key === 'languages' ? list(raw).map((v) => languageTagOf(v) ?? v) : list(raw);
      const checked = agendaBaseSchema.shape[key].safeParse(values);
      if (checked.success) fields[key] = checked.data;
      else {
        const issue = checked.error.issues[0];
        const index = issue?.path[0];
        const value = typeof index === 'number' ? (values[index] ?? raw) : raw;
        bad(key, value, issue?.message ?? 'is not valid');
      }
    } else {
      const checked = agendaBaseSchema.shape[key].safeParse(raw);
      if (checked.success) fields[key] = checked.data;
      else bad(key, raw, checked.error.issues[0]?.message ?? 'is not valid');
    }
  }
  return { fields, problems };
}
