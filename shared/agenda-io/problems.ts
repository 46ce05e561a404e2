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
  // warnings
  'unknown-column',
  'unknown-language',
  'language-not-in-event',
  'missing-duration',
  'long-duration', // over 3 hours: perhaps `7:30` typed as mm:ss and turned into a time of day
  'missing-language',
  'session-end-computed',
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
}

export interface ProblemLocation {
  row?: number | null;
  line?: number | null;
  column?: string;
}

/** "row 7, duration", "line 12, sessions.0.title", "timezone", or "" for the whole file. */
export function locationText({ row = null, line = null, column = '' }: ProblemLocation): string {
  const where = row !== null ? `row ${row}` : line !== null ? `line ${line}` : '';
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
  };
}

/** Problems in reading order: by row (or line), file-level ones first. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const key = (p: ImportProblem) => p.row ?? p.line ?? 0;
  return problems.map((p, i) => ({ p, i })).sort((a, b) => key(a.p) - key(b.p) || a.i - b.i).map(({ p }) => p);
}
