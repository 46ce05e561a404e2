/**
 * Problems found while importing an agenda. Each names where it is (a spreadsheet row and column,
 * a YAML line, or a field path) and what is wrong, as a `kind` a view can translate plus an English
 * `message` that reads on its own: `row 7, duration: "fifteen" is not a duration`.
 */

export const PROBLEM_KINDS = [
  // errors
  'file-unreadable', // not CSV/XLSX/JSON/YAML at all, or an unclosed quote
  'empty-file',
  'missing-column',
  'duplicate-column',
  'required', // a required cell or field is empty
  'not-a-duration',
  'not-a-time',
  'not-a-boolean',
  'not-a-kind',
  'not-an-attendance',
  'not-a-language',
  'not-an-id',
  'duplicate-id', // an id given twice (the first row is in `detail`)
  'session-conflict', // a session's field differs between its rows
  'session-order', // session_end before session_start
  'bad-option', // an import option (title, date, timezone…) is not valid
  'invalid', // any other rule of the agenda format (the message says which)
  'over-limit', // the file is beyond a bound of the import (rows, size, depth: IMPORT_LIMITS)
  'longer-than-session', // an item's duration is longer than its session's window
  // warnings
  'unknown-column',
  'unknown-language',
  'language-not-in-event',
  'missing-duration',
  'long-duration', // over 3 hours: perhaps `7:30` typed as mm:ss and turned into a time of day
  'missing-language',
  'session-end-computed',
  'date-not-today', // the event's date is not today (detail: today)
  'time-cell', // a time cell that reads two ways (`1:05:00` or `1:05`): which one was taken
  // either list
  'more-problems', // the last entry of a list cut at IMPORT_LIMITS.problems: how many more (`value`)
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface ImportProblem {
  kind: ProblemKind;
  /** Spreadsheet row (the header is row 1); null when not about a row. */
  row: number | null;
  /** Line in a YAML file; null otherwise. */
  line: number | null;
  /** The column (`duration`), import option (`timezone`) or field path (`sessions.0.items.2.language`); '' for the whole file. */
  column: string;
  /** The offending text as found, '' when none. */
  value: string;
  /** Extra facts for the message (e.g. the allowed values), '' when none. */
  detail: string;
  /** The whole problem in English, location first. */
  message: string;
  /** For a JSON or YAML file: the item the problem is about, by its session's and its own title. */
  item?: ItemName;
}

export interface ItemName {
  session: string;
  title: string;
}

export interface ProblemLocation {
  row?: number | null;
  line?: number | null;
  column?: string;
  item?: ItemName;
}

/** The field a path ends with: `sessions.3.items.0.durationSec` → `durationSec`. */
export const fieldOf = (column: string): string => column.slice(column.lastIndexOf('.') + 1);

/**
 * "row 7, duration", "line 12, sessions.0.title", "timezone", or "" for the whole file; about an
 * item of a JSON or YAML file, the item by name: `session "Opening", item "Keynote", durationSec`.
 */
export function locationText({ row = null, line = null, column = '', item }: ProblemLocation): string {
  const where = row !== null ? `row ${row}` : line !== null ? `line ${line}` : '';
  if (item) return [where, `session "${item.session}", item "${item.title}"`, fieldOf(column)].filter((p) => p !== '').join(', ');
  return [where, column].filter((p) => p !== '').join(', ');
}

export function problem(kind: ProblemKind, at: ProblemLocation, text: string, value = '', detail = ''): ImportProblem {
  const where = locationText(at);
  return {
    kind,
    row: at.row ?? null,
    line: at.line ?? null,
    column: at.column ?? '',
    value,
    detail,
    message: where ? `${where}: ${text}` : text,
    ...(at.item ? { item: at.item } : {}),
  };
}

/** Problems in reading order: by row (or line), file-level ones first. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const key = (p: ImportProblem) => p.row ?? p.line ?? 0;
  return problems.map((p, i) => ({ p, i })).sort((a, b) => key(a.p) - key(b.p) || a.i - b.i).map(({ p }) => p);
}

/**
 * The first `max` problems, and when there are more, one last entry saying how many:
 * `and 403,190 more`. An answer stays small whatever the file holds.
 */
export function capProblems(problems: ImportProblem[], max: number): ImportProblem[] {
  if (problems.length <= max) return problems;
  const more = problems.length - max;
  return [...problems.slice(0, max), problem('more-problems', {}, `and ${more.toLocaleString('en')} more`, String(more))];
}

/** How many problems a (possibly cut) list stands for. */
export const problemCount = (problems: readonly ImportProblem[]): number =>
  problems.reduce((n, p) => n + (p.kind === 'more-problems' ? Number(p.value) || 0 : 1), 0);
