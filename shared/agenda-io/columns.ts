/**
 * The spreadsheet columns of an agenda (docs/agenda-format.md), their aliases, and how a header
 * cell is matched to one: case-insensitive, spaces, `_`, `-` and `/` alike, a note in brackets
 * ignored (`Duration (min)` is `duration`).
 */

export const COLUMNS = [
  'session',
  'session_id',
  'session_start',
  'session_end',
  'moderator',
  'moderator_language',
  'id',
  'title',
  'kind',
  'speaker',
  'speaker_local',
  'honorific',
  'role',
  'organisation',
  'duration',
  'language',
  'attendance',
  'notes',
  'booth_notes',
  'script_received',
  'fixed',
  'skipped',
  'warning',
  'danger',
  'end_at',
  'auto_advance',
  'session_auto_start',
  'session_auto_advance',
  'session_end_at',
] as const;
export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ['session', 'title'];

/** Columns that describe the session; given on a session's first row. */
export const SESSION_COLUMNS: readonly Column[] = [
  'session_id',
  'session_start',
  'session_end',
  'moderator',
  'moderator_language',
  'session_auto_start',
  'session_auto_advance',
  'session_end_at',
];

/** Other names each column is known by, besides its own (`session_start` also matches `session start`). */
export const COLUMN_ALIASES: Record<Column, readonly string[]> = {
  session: ['session title', 'session name', 'segment', '环节', '会议环节', '单元', '议程环节'],
  session_id: ['session key'],
  session_start: ['session starts', 'start', 'starts', 'start time', '开始', '开始时间'],
  session_end: ['session ends', 'end', 'ends', 'end time', '结束', '结束时间'],
  moderator: ['chair', 'host', 'moderated by', '主持人', '主持'],
  moderator_language: ['chair language', 'moderator lang', '主持语言'],
  id: ['item id', 'key', '编号'],
  title: ['item', 'item title', 'topic', 'subject', '题目', '标题', '议题'],
  kind: ['type', 'item type', 'item kind', '类型'],
  speaker: ['speaker name', 'name', 'presenter', '发言人', '演讲人', '讲者', '嘉宾'],
  speaker_local: ['speaker local name', 'local name', 'speaker name local', 'chinese name', 'name local', '中文名', '本地名'],
  honorific: ['salutation', 'title of address', '称谓', '称呼'],
  role: ['position', 'job title', 'function', '职务', '职位'],
  organisation: ['organization', 'affiliation', 'org', 'institution', 'company', '单位', '机构', '组织'],
  duration: ['mins', 'min', 'minutes', 'length', 'duration min', '时长', '分钟'],
  language: ['lang', 'speaking language', '语言', '发言语言'],
  attendance: ['mode', 'onsite online', 'presence', '参会方式', '出席方式'],
  notes: ['note', 'comments', 'comment', '备注'],
  booth_notes: ['interpreter notes', 'notes for interpreters', 'booth', '同传备注', '译员备注'],
  script_received: ['script', 'script in', 'has script', '讲稿', '稿件'],
  fixed: ['fixed time', 'locked', '固定'],
  skipped: ['skip', '跳过'],
  warning: ['warning sec', 'warning at', 'warn'],
  danger: ['danger sec', 'danger at'],
  end_at: ['end by', 'ends by', 'ends at', '结束于', '截止'],
  auto_advance: ['advance', 'auto next', '自动切换'],
  session_auto_start: ['auto start', 'autostart', 'starts itself', '自动开始'],
  session_auto_advance: ['session advance', '环节自动切换'],
  session_end_at: ['session end by', 'session ends by', '环节结束于', '环节截止'],
};

/** The normal form of a header cell (or an alias): lower case, one space between words, no bracketed note. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]/g, ' ')
    .toLowerCase()
    .replace(/[\s_\-/]+/g, ' ')
    .trim();
}

const LOOKUP: ReadonlyMap<string, Column> = new Map(
  COLUMNS.flatMap((c) => [c, ...COLUMN_ALIASES[c]].map((name) => [normaliseHeader(name), c] as const)),
);

/** The column a header cell names, or null for an unknown header. */
export function columnOf(header: string): Column | null {
  return LOOKUP.get(normaliseHeader(header)) ?? null;
}
