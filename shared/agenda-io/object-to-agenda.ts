import type { Agenda } from '../agenda/agenda-schema';
import { agendaSchema } from '../agenda/agenda-schema';
import { LIMITS } from '../agenda/agenda-constants';
import { agendaWarnings, schemaProblems, type Locate } from './agenda-checks';
import type { EventFields } from './event-options';
import { problem, sortProblems, type ImportProblem } from './problems';
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
  const tooMany = countProblem(value);
  if (tooMany) return { agenda: null, errors: [tooMany], warnings: [] };
  const candidate: Record<string, unknown> = { ...current, ...value, ...options };
  const errors = sortProblems(schemaProblems(candidate, locate));
  if (errors.length > 0) return { agenda: null, errors, warnings: [] };
  const agenda: Agenda = agendaSchema.parse(candidate);
  return { agenda, errors: [], warnings: sortProblems(agendaWarnings(agenda, locate)) };
}

/**
 * Counts checked before anything else: a file with a million sessions or items is refused at once,
 * rather than checked item by item into a million problems.
 */
function countProblem(value: Record<string, unknown>): ImportProblem | null {
  const sessions = value['sessions'];
  if (!Array.isArray(sessions)) return null;
  if (sessions.length > LIMITS.maxSessions) {
    return problem('over-limit', { column: 'sessions' }, `${sessions.length.toLocaleString('en')} sessions; an agenda has at most ${LIMITS.maxSessions}`, String(sessions.length));
  }
  for (const [i, s] of sessions.entries()) {
    const items = isRecord(s) ? s['items'] : undefined;
    if (Array.isArray(items) && items.length > LIMITS.maxItemsPerSession) {
      return problem('over-limit', { column: `sessions.${i}.items` }, `${items.length.toLocaleString('en')} items; a session has at most ${LIMITS.maxItemsPerSession}`, String(items.length));
    }
  }
  return null;
}
