import type { Agenda } from '../agenda/agenda-schema';
import { agendaSchema } from '../agenda/agenda-schema';
import { agendaWarnings, schemaProblems, type Locate } from './agenda-checks';
import type { EventFields } from './event-options';
import { problem, sortProblems } from './problems';
import type { ImportOutcome } from './rows-to-agenda';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An agenda in Rostrum's own format (parsed from JSON or YAML). Event-level fields given as
 * options win; those the file leaves out keep their current values. Problems name the field path
 * (and, for YAML, the line).
 */
export function objectToAgenda(value: unknown, options: Partial<EventFields>, current: EventFields, locate: Locate): ImportOutcome {
  if (!isRecord(value)) {
    return { agenda: null, errors: [problem('file-unreadable', {}, 'the file must hold one agenda object ({"title": …, "sessions": […]})')], warnings: [] };
  }
  const candidate: Record<string, unknown> = { ...current, ...value, ...options };
  const errors = sortProblems(schemaProblems(candidate, locate));
  if (errors.length > 0) return { agenda: null, errors, warnings: [] };
  const agenda: Agenda = agendaSchema.parse(candidate);
  return { agenda, errors: [], warnings: sortProblems(agendaWarnings(agenda, locate)) };
}
