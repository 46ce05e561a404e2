import type { Agenda, Item } from '../agenda/agenda-schema';
import { agendaSchema, idSchema } from '../agenda/agenda-schema';
import { ITEM_KINDS, LIMITS } from '../agenda/agenda-constants';
import { formatSeconds } from '../clock/format';
import { pad2 } from '../time/zoned-time';
import { languageWarnings, missingDurationWarning, schemaProblems, type Locate } from './agenda-checks';
import { readItemTiming, readSessionTiming, type SessionTiming } from './timing-cells';
import { COLUMNS, REQUIRED_COLUMNS, SESSION_COLUMNS, columnOf, type Column } from './columns';
import { parseDuration, parseTimeOfDay } from './duration';
import type { EventFields } from './event-options';
import { BOOLEAN_WORDS, attendanceOf, booleanOf, kindOf } from './item-cells';
import { languageTagOf } from './language-names';
import { problem, sortProblems, type ImportProblem } from './problems';

/** One row of a sheet: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
  /**
   * Cells that read two ways, by index: a spreadsheet's time cell showing `12:30:00` may have been
   * typed `12:30` (minutes and seconds); this is that other reading. The one that fits its session wins.
   */
  short?: Record<number, string>;
}

export interface ImportOutcome {
  /** The agenda to apply; null when there is any error. */
  agenda: Agenda | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** The rooms a `room` column names (#18, room-column.ts), each with its first row; absent without the column. */
  rooms?: { room: string; row: number; path?: string }[];
}

const ITEM_COLUMNS: readonly Column[] = COLUMNS.filter((c) => c !== 'session' && !SESSION_COLUMNS.includes(c));

/** Where each agenda field is in the sheet. */
const SESSION_FIELD_COLUMN: Record<string, Column> = {
  id: 'session_id',
  title: 'session',
  moderator: 'moderator',
  moderatorLanguage: 'moderator_language',
  plannedStart: 'session_start',
  plannedEnd: 'session_end',
  autoStart: 'session_auto_start',
  autoAdvance: 'session_auto_advance',
  endAt: 'session_end_at',
};
const ITEM_FIELD_COLUMN: Record<string, Column> = {
  id: 'id',
  title: 'title',
  kind: 'kind',
  speaker: 'speaker',
  name: 'speaker',
  localName: 'speaker_local',
  honorific: 'honorific',
  role: 'role',
  organisation: 'organisation',
  durationSec: 'duration',
  language: 'language',
  attendance: 'attendance',
  notes: 'notes',
  boothNotes: 'booth_notes',
  scriptReceived: 'script_received',
  fixed: 'fixed',
  skipped: 'skipped',
  warningSec: 'warning',
  dangerSec: 'danger',
  endAt: 'end_at',
  autoAdvance: 'auto_advance',
};

interface DraftSession {
  key: string;
  firstRow: number;
  givenId: string;
  title: string;
  moderator: string;
  moderatorLanguage: string;
  plannedStart: string;
  plannedEnd: string;
  /** Set from the first row that gives them (later rows must agree). */
  timing: SessionTiming;
  /** Row of each session field as given (for conflicts and messages). */
  fieldRows: Partial<Record<Column, number>>;
  items: { row: number; givenId: string; item: Omit<Item, 'id'>; duration: { raw: string; short: number | null } }[];
}

/** Longer than this, a duration is probably `m:ss` that a spreadsheet program made a time of day. */
export const LONG_DURATION_SEC = 3 * 3600;

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The other reading of a row's cell (SheetRow.short), or null. */
const shortOf = (r: SheetRow, i: number | undefined): string | null => (i === undefined ? null : (r.short?.[i] ?? null));

/** Seconds from a threshold cell (`2:00`, `2`, `0` = off). */
function thresholdOf(text: string): number | null {
  if (text.trim() === '0') return 0;
  const s = parseDuration(text);
  return s !== null && s <= 3600 ? s : null;
}

/** A readable, unique id from a title: `Session I — Opening` → `session-i-opening`. */
function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Where problems go as the phases find them. */
interface Problems {
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

/** Which cell of a row is which column. */
type ColumnIndex = Map<Column, number>;

/**
 * Maps the rows of a spreadsheet (the first is the header) to an agenda, with event-level fields
 * from `event`. Checks everything and reports every problem at its row and column; any error and
 * the agenda is null. See docs/agenda-format.md for the columns and rules. The phases, in order:
 * the header, each row (its session, the session's fields, its item), the sessions' windows, the
 * durations within them, the ids, and last the schema.
 */
export function rowsToAgenda(rows: readonly SheetRow[], event: EventFields): ImportOutcome {
  const problems: Problems = { errors: [], warnings: [] };
  const { errors, warnings } = problems;
  const nonBlank = rows.filter((r) => !isBlank(r.cells));
  const header = nonBlank[0];
  if (!header) {
    return { agenda: null, errors: [problem('empty-file', {}, 'the file has no rows: the first row must name the columns')], warnings };
  }
  const index = readHeader(header, problems);
  if (errors.length > 0) return { agenda: null, errors, warnings };

  const defaultLanguage = event.languages[0] ?? 'en';
  const sessions: DraftSession[] = [];
  let previous: DraftSession | null = null;
  for (const r of nonBlank.slice(1)) {
    const row = rowReader(r, index, problems);
    const session = sessionOfRow(row, sessions, previous);
    if (session === null) continue;
    previous = session;
    readSessionFields(row, session, event, problems);
    const item = readItem(row, defaultLanguage, event, problems);
    if (item !== null) session.items.push(item);
  }

  closeSessions(sessions, problems);
  fitDurations(sessions, problems);
  const candidate = { ...event, sessions: withIds(sessions, defaultLanguage, problems) };
  errors.push(...schemaProblems(candidate, locateIn(sessions), errors));
  if (errors.length > 0) return { agenda: null, errors: sortProblems(errors), warnings: sortProblems(warnings) };
  return { agenda: agendaSchema.parse(candidate), errors: [], warnings: sortProblems(warnings) };
}

/** The header: which cell is which column. Unknown columns are warned of; duplicates and missing ones are errors. */
function readHeader(header: SheetRow, { errors, warnings }: Problems): ColumnIndex {
  const index: ColumnIndex = new Map();
  header.cells.forEach((cell, i) => {
    const text = cell.trim();
    if (text === '') return;
    const column = columnOf(text);
    const at = { row: header.row, column: text };
    if (column === null) warnings.push(problem('unknown-column', at, `column "${text}" is not known and was ignored`, text));
    else if (index.has(column)) errors.push(problem('duplicate-column', at, `names the column "${column}" a second time`, text, column));
    else index.set(column, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) errors.push(problem('missing-column', { row: header.row, column }, `the column "${column}" is missing`, '', column));
  }
  return index;
}

/** One data row as the phases read it: cells by column, and where its problems go. */
interface RowReader {
  r: SheetRow;
  index: ColumnIndex;
  get(column: Column): string;
  at(column: Column): { row: number; column: Column };
  fail(column: Column, kind: ImportProblem['kind'], text: string, value?: string, detail?: string): void;
}

function rowReader(r: SheetRow, index: ColumnIndex, { errors }: Problems): RowReader {
  const at = (column: Column) => ({ row: r.row, column });
  return {
    r,
    index,
    get: (c) => {
      const i = index.get(c);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    },
    at,
    fail: (column, kind, text, value = '', detail = '') => void errors.push(problem(kind, at(column), text, value, detail)),
  };
}

/**
 * The row's session: named on the row, or (cell left blank, as under a merged cell) the one above.
 * A new one is added to `sessions`. Null when the row names none it can have: the row is skipped.
 */
function sessionOfRow({ r, get, fail }: RowReader, sessions: DraftSession[], previous: DraftSession | null): DraftSession | null {
  const sessionTitle = get('session');
  const sessionId = get('session_id');
  if (sessionTitle === '' && sessionId === '') {
    if (previous === null) fail('session', 'required', 'missing: the first row must name its session');
    return previous;
  }
  const session =
    (sessionId !== ''
      ? sessions.find((s) => s.givenId === sessionId)
      : sessions.find((s) => s.title === sessionTitle && (s.givenId === '' || previous === s))) ?? null;
  if (session !== null) {
    if (sessionTitle !== '' && sessionTitle !== session.title) {
      fail('session', 'session-conflict', `"${sessionTitle}" differs from "${session.title}" given for this session on row ${session.firstRow}`, sessionTitle, String(session.firstRow));
    }
    return session;
  }
  if (sessionTitle === '') {
    fail('session', 'required', 'missing: a new session needs a title');
    return null;
  }
  if (sessionId !== '' && !idSchema.safeParse(sessionId).success) {
    fail('session_id', 'not-an-id', `"${sessionId}" is not an id (letters, digits and _ . : - only)`, sessionId);
  }
  const created: DraftSession = {
    key: sessionId || sessionTitle,
    firstRow: r.row,
    givenId: sessionId,
    title: sessionTitle,
    moderator: '',
    moderatorLanguage: '',
    plannedStart: '',
    plannedEnd: '',
    timing: {},
    fieldRows: {},
    items: [],
  };
  sessions.push(created);
  return created;
}

/** Session fields: taken from the first row that gives them; later rows must agree. */
function readSessionFields({ r, get, at, fail }: RowReader, session: DraftSession, event: EventFields, { warnings }: Problems): void {
  const sessionField = (column: Column, field: 'moderator' | 'moderatorLanguage' | 'plannedStart' | 'plannedEnd', value: string | null, raw: string) => {
    if (raw === '' || value === null) return;
    const current = session[field];
    if (current === '') {
      session[field] = value;
      session.fieldRows[column] = r.row;
    } else if (current !== value) {
      fail(column, 'session-conflict', `"${raw}" differs from "${current}" given for this session on row ${session.fieldRows[column]}`, raw, String(session.fieldRows[column]));
    }
  };
  for (const [column, field] of [
    ['session_start', 'plannedStart'],
    ['session_end', 'plannedEnd'],
  ] as const) {
    const raw = get(column);
    const time = raw === '' ? null : parseTimeOfDay(raw);
    if (raw !== '' && time === null) fail(column, 'not-a-time', `"${raw}" is not a time of day (HH:MM, 24-hour)`, raw);
    sessionField(column, field, time, raw);
  }
  sessionField('moderator', 'moderator', get('moderator'), get('moderator'));
  const modLangRaw = get('moderator_language');
  const modLang = modLangRaw === '' ? null : languageTagOf(modLangRaw);
  if (modLangRaw !== '' && modLang === null) fail('moderator_language', 'not-a-language', `"${modLangRaw}" is not a language code (e.g. en, zh)`, modLangRaw);
  else if (modLang !== null && modLang !== session.moderatorLanguage) warnings.push(...languageWarnings(modLang, event.languages, at('moderator_language')));
  sessionField('moderator_language', 'moderatorLanguage', modLang, modLangRaw);
  readSessionTiming({ r, get, fail }, session);
}

type DraftItem = DraftSession['items'][number];

/** The row's item; null when the row has nothing but session fields (it only declares its session). */
function readItem({ r, index, get, at, fail }: RowReader, defaultLanguage: string, event: EventFields, { warnings }: Problems): DraftItem | null {
  if (ITEM_COLUMNS.every((c) => get(c) === '')) return null;
  const title = get('title');
  if (title === '') fail('title', 'required', 'missing: every item needs a title');

  const givenId = get('id');
  if (givenId !== '' && !idSchema.safeParse(givenId).success) {
    fail('id', 'not-an-id', `"${givenId}" is not an id (letters, digits and _ . : - only, at most ${LIMITS.idLength})`, givenId);
  }
  const kind = kindOf(get('kind'));
  if (kind === null) fail('kind', 'not-a-kind', `"${get('kind')}" is not a kind (${ITEM_KINDS.join(', ')})`, get('kind'), ITEM_KINDS.join(', '));

  const durationRaw = get('duration');
  const durationShortRaw = shortOf(r, index.get('duration'));
  const durationShort = durationShortRaw === null ? null : parseDuration(durationShortRaw);
  const durationSec = durationRaw === '' ? undefined : (parseDuration(durationRaw) ?? durationShort);
  if (durationSec === null) fail('duration', 'not-a-duration', `"${durationRaw}" is not a duration (minutes, mm:ss or h:mm:ss)`, durationRaw);
  else if (durationSec === undefined) warnings.push(missingDurationWarning(at('duration')));

  const languageRaw = get('language');
  let language = defaultLanguage;
  if (languageRaw === '') {
    warnings.push(problem('missing-language', at('language'), `no language: "${defaultLanguage}" (the event's first) is assumed`, '', defaultLanguage));
  } else {
    const tag = languageTagOf(languageRaw);
    if (tag === null) fail('language', 'not-a-language', `"${languageRaw}" is not a language code (e.g. en, zh)`, languageRaw);
    else {
      language = tag;
      warnings.push(...languageWarnings(tag, event.languages, at('language')));
    }
  }

  const attendance = attendanceOf(get('attendance'));
  if (attendance === null) fail('attendance', 'not-an-attendance', `"${get('attendance')}" is not an attendance (onsite or online)`, get('attendance'), 'onsite, online');

  const flags = {} as Record<'scriptReceived' | 'fixed' | 'skipped', boolean>;
  for (const [column, field] of [
    ['script_received', 'scriptReceived'],
    ['fixed', 'fixed'],
    ['skipped', 'skipped'],
  ] as const) {
    const value = booleanOf(get(column));
    if (value === null) fail(column, 'not-a-boolean', `"${get(column)}" is not yes or no (${BOOLEAN_WORDS})`, get(column), BOOLEAN_WORDS);
    flags[field] = value ?? false;
  }
  const thresholds: Partial<Record<'warningSec' | 'dangerSec', number>> = {};
  for (const [column, field] of [
    ['warning', 'warningSec'],
    ['danger', 'dangerSec'],
  ] as const) {
    const raw = get(column);
    if (raw === '') continue;
    const alternative = shortOf(r, index.get(column));
    // A threshold is minutes and seconds (`2:00`, `0:30`): a time cell's short reading comes first.
    const value = (alternative === null ? null : thresholdOf(alternative)) ?? thresholdOf(raw);
    if (value === null) fail(column, 'not-a-duration', `"${raw}" is not a duration of at most an hour (minutes, mm:ss; 0 = off)`, raw);
    else thresholds[field] = value;
  }

  const timing = readItemTiming({ get, fail });
  return {
    row: r.row,
    givenId,
    // The text as read: the other reading's when only that one is a duration (`90:00` for an elapsed 90:00:00).
    duration: { raw: parseDuration(durationRaw) === null && durationShortRaw !== null ? durationShortRaw : durationRaw, short: durationShort },
    item: {
      title,
      kind: kind ?? 'talk',
      speaker: {
        name: get('speaker'),
        localName: get('speaker_local'),
        honorific: get('honorific'),
        role: get('role'),
        organisation: get('organisation'),
      },
      ...(typeof durationSec === 'number' ? { durationSec } : {}),
      language,
      attendance: attendance ?? 'onsite',
      notes: get('notes'),
      boothNotes: get('booth_notes'),
      ...flags,
      ...thresholds,
      ...timing,
    },
  };
}

/** Sessions: start required; end computed from the items when left out. */
function closeSessions(sessions: DraftSession[], { errors, warnings }: Problems): void {
  for (const s of sessions) {
    if (s.plannedStart === '') {
      if (!errors.some((e) => e.row === s.firstRow && e.column === 'session_start')) {
        errors.push(problem('required', { row: s.firstRow, column: 'session_start' }, `missing: give the start of session "${s.title}" (HH:MM) on its first row`, '', s.title));
      }
      // Placeholders: the agenda is refused anyway, and the schema need not repeat the problem.
      s.plannedStart = '00:00';
      s.plannedEnd ||= '23:59';
      continue;
    }
    if (s.plannedEnd === '') {
      const minutes = minutesOf(s.plannedStart) + Math.ceil(s.items.reduce((sum, i) => sum + (i.item.durationSec ?? 0), 0) / 60);
      if (minutes > 23 * 60 + 59) {
        errors.push(problem('required', { row: s.firstRow, column: 'session_end' }, `missing, and the items would run past midnight: give the end of session "${s.title}"`, '', s.title));
        continue;
      }
      s.plannedEnd = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
      warnings.push(problem('session-end-computed', { row: s.firstRow, column: 'session_end' }, `not given: the session ends when its items do, at ${s.plannedEnd}`, s.plannedEnd, s.plannedEnd));
    } else if (s.plannedEnd < s.plannedStart) {
      const row = s.fieldRows.session_end ?? s.firstRow;
      errors.push(problem('session-order', { row, column: 'session_end' }, `${s.plannedEnd} is before the session's start, ${s.plannedStart}`, s.plannedEnd, s.plannedStart));
    }
  }
}

/** Durations against their session's window (a time cell that reads two ways takes the one that fits). */
function fitDurations(sessions: DraftSession[], { errors, warnings }: Problems): void {
  for (const s of sessions) {
    const given = s.fieldRows.session_end !== undefined && s.plannedEnd >= s.plannedStart;
    const windowSec = given ? (minutesOf(s.plannedEnd) - minutesOf(s.plannedStart)) * 60 : null;
    for (const i of s.items) {
      const sec = i.item.durationSec;
      if (sec === undefined) continue;
      const { raw, short } = i.duration;
      const at = { row: i.row, column: 'duration' };
      if (windowSec !== null && sec > windowSec) {
        if (short !== null && short <= windowSec) {
          i.item.durationSec = short;
          continue;
        }
        errors.push(
          problem('longer-than-session', at, `"${raw}" is read as ${formatSeconds(sec)}, longer than its session (${s.plannedStart}–${s.plannedEnd}, ${formatSeconds(windowSec)})`, raw, `${s.plannedStart}–${s.plannedEnd}`),
        );
        continue;
      }
      if (sec > LONG_DURATION_SEC) {
        warnings.push(problem('long-duration', at, `"${raw}" is read as ${formatSeconds(sec)} (h:mm:ss); for minutes and seconds write e.g. 7.5 or 7:30 in a text cell`, raw, formatSeconds(sec)));
      } else if (short !== null && short !== sec) {
        warnings.push(problem('time-cell', at, `"${raw}" is a time cell: read as ${formatSeconds(sec)} (h:mm:ss), which fits its session; if ${formatSeconds(short)} (minutes and seconds) was meant, write it in a text cell or as minutes`, raw, formatSeconds(short)));
      }
    }
  }
}

/** The agenda's sessions with ids: given ones kept, each once; missing ones generated. */
function withIds(sessions: DraftSession[], defaultLanguage: string, { errors }: Problems) {
  const firstUse = new Map<string, number>();
  const claim = (id: string, row: number, column: Column) => {
    if (id === '' || !idSchema.safeParse(id).success) return;
    const prior = firstUse.get(id);
    if (prior === undefined) firstUse.set(id, row);
    else errors.push(problem('duplicate-id', { row, column }, `"${id}" is already the id on row ${prior}`, id, String(prior)));
  };
  for (const s of sessions) {
    claim(s.givenId, s.firstRow, 'session_id');
    for (const i of s.items) claim(i.givenId, i.row, 'id');
  }
  const taken = new Set<string>([...sessions.map((s) => s.givenId), ...sessions.flatMap((s) => s.items.map((i) => i.givenId))].filter((id) => id !== ''));
  return sessions.map((s, si) => {
    const id = s.givenId || uniqueId(slugOf(s.title) || `session-${si + 1}`, taken);
    return {
      id,
      title: s.title,
      moderator: s.moderator,
      moderatorLanguage: s.moderatorLanguage || defaultLanguage,
      plannedStart: s.plannedStart,
      plannedEnd: s.plannedEnd,
      ...s.timing,
      items: s.items.map((i, ii) => ({ id: i.givenId || uniqueId(`${id}-${ii + 1}`, taken), ...i.item })),
    };
  });
}

/** Where a schema problem's path points in the sheet: the row and column of the field. */
function locateIn(sessions: readonly DraftSession[]): Locate {
  return (path) => {
    if (path[0] !== 'sessions' || typeof path[1] !== 'number') return path.length === 1 ? { column: String(path[0]) } : null;
    const s = sessions[path[1]];
    if (!s) return null;
    if (path[2] !== 'items' || typeof path[3] !== 'number') {
      return { row: s.firstRow, column: SESSION_FIELD_COLUMN[String(path[2])] ?? 'session' };
    }
    const item = s.items[path[3]];
    const field = String(path[path.length - 1]);
    return { row: item?.row ?? s.firstRow, column: ITEM_FIELD_COLUMN[field] ?? String(path.slice(4).join('.')) };
  };
}
