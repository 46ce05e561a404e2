import type { Agenda } from '../agenda/agenda-schema';
import { sameLanguage } from '../agenda/language';
import { agendaSchema } from '../agenda/agenda-schema';
import { isKnownLanguage } from './language-names';
import { problem, type ImportProblem, type ProblemLocation } from './problems';
import type { ImportSummary } from './import-types';

/** Where a field path of the agenda came from in the file (a row and column, a line), or null. */
export type Locate = (path: readonly (string | number)[]) => ProblemLocation | null;

/**
 * Runs the agenda through the format's own rules (agenda-schema.ts) and reports every issue at its
 * place in the file. Issues at a place that already has a problem are left out: one problem per cell.
 */
export function schemaProblems(candidate: unknown, locate: Locate, already: readonly ImportProblem[] = []): ImportProblem[] {
  const result = agendaSchema.safeParse(candidate);
  if (result.success) return [];
  const taken = new Set(already.map((p) => `${p.row}|${p.line}|${p.column}`));
  const out: ImportProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const fullPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
    const at = locate(fullPath) ?? { column: fullPath.join('.') };
    const key = `${at.row ?? null}|${at.line ?? null}|${at.column ?? ''}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const message =
      issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    const isOption = fullPath.length === 1 && ['title', 'date', 'timezone', 'extraTimezones', 'languages'].includes(String(fullPath[0]));
    out.push(problem(isOption ? 'bad-option' : 'invalid', at, message, '', message));
  }
  return out;
}

/** Warnings about an item's language: not a language Intl knows, or not one of the event's languages. */
export function languageWarnings(tag: string, eventLanguages: readonly string[], at: ProblemLocation): ImportProblem[] {
  if (!isKnownLanguage(tag)) return [problem('unknown-language', at, `"${tag}" is not a known language code; imported as it is`, tag)];
  if (eventLanguages.length > 0 && !eventLanguages.some((l) => sameLanguage(l, tag))) {
    const list = eventLanguages.join(', ');
    return [problem('language-not-in-event', at, `"${tag}" is not one of the event's languages (${list})`, tag, list)];
  }
  return [];
}

export const missingDurationWarning = (at: ProblemLocation): ImportProblem =>
  problem('missing-duration', at, 'no duration: the item counts up and shares the session\'s unallocated time');

/**
 * Warnings for an agenda read from JSON or YAML: missing durations, unknown or foreign languages.
 * Each names its item by title (`session "Opening", item "Keynote"`), the field path kept in `column`.
 */
export function agendaWarnings(agenda: Agenda, locate: Locate): ImportProblem[] {
  const out: ImportProblem[] = [];
  agenda.sessions.forEach((session, si) => {
    session.items.forEach((item, ii) => {
      const at = (field: string): ProblemLocation => {
        const path = ['sessions', si, 'items', ii, field];
        return { ...(locate(path) ?? { column: path.join('.') }), item: { session: session.title, title: item.title } };
      };
      if (item.durationSec === undefined) out.push(missingDurationWarning(at('durationSec')));
      out.push(...languageWarnings(item.language, agenda.languages, at('language')));
    });
  });
  return out;
}

export function summaryOf(agenda: Agenda): ImportSummary {
  const items = agenda.sessions.flatMap((s) => s.items);
  return {
    sessions: agenda.sessions.length,
    items: items.length,
    plannedSec: items.reduce((sum, i) => sum + (i.durationSec ?? 0), 0),
    untimed: items.filter((i) => i.durationSec === undefined).length,
  };
}
