import { ATTENDANCE, ITEM_KINDS, type Attendance, type ItemKind } from '../agenda/agenda-constants';

/** Item kinds as organisers write them, in English and Chinese (`Q&A`, `keynote`, `茶歇`). */
const KIND_ALIASES: Record<string, ItemKind> = {
  welcome: 'opening',
  开幕: 'opening',
  开幕式: 'opening',
  欢迎辞: 'opening',
  欢迎致辞: 'opening',
  remark: 'remarks',
  address: 'remarks',
  致辞: 'remarks',
  讲话: 'remarks',
  keynote: 'talk',
  presentation: 'talk',
  speech: 'talk',
  lecture: 'talk',
  演讲: 'talk',
  主旨演讲: 'talk',
  报告: 'talk',
  发言: 'talk',
  comment: 'commentary',
  comments: 'commentary',
  点评: 'commentary',
  评论: 'commentary',
  moderator: 'moderation',
  panel: 'moderation',
  主持: 'moderation',
  'q-a': 'q-and-a',
  'q&a': 'q-and-a',
  qa: 'q-and-a',
  questions: 'q-and-a',
  问答: 'q-and-a',
  提问: 'q-and-a',
  'coffee-break': 'break',
  'tea-break': 'break',
  lunch: 'break',
  pause: 'break',
  茶歇: 'break',
  休息: 'break',
  午餐: 'break',
  close: 'closing',
  'closing-remarks': 'closing',
  闭幕: 'closing',
  闭幕式: 'closing',
  总结: 'closing',
};

/** A kind cell as an item kind; `talk` when empty; null when not a kind. */
export function kindOf(text: string): ItemKind | null {
  const s = text.trim().toLowerCase().replace(/\s*&\s*/g, '&').replace(/[\s_]+/g, '-');
  if (s === '') return 'talk';
  if ((ITEM_KINDS as readonly string[]).includes(s)) return s as ItemKind;
  return KIND_ALIASES[s] ?? null;
}

const ATTENDANCE_ALIASES: Record<string, Attendance> = {
  'on-site': 'onsite',
  'on site': 'onsite',
  'in person': 'onsite',
  'in-person': 'onsite',
  venue: 'onsite',
  现场: 'onsite',
  线下: 'onsite',
  remote: 'online',
  virtual: 'online',
  video: 'online',
  zoom: 'online',
  线上: 'online',
  远程: 'online',
  视频: 'online',
};

/** An attendance cell; `onsite` when empty; null when not an attendance. */
export function attendanceOf(text: string): Attendance | null {
  const s = text.trim().toLowerCase();
  if (s === '') return 'onsite';
  if ((ATTENDANCE as readonly string[]).includes(s)) return s as Attendance;
  return ATTENDANCE_ALIASES[s] ?? null;
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', '是', '有', '对', 'ja', 'oui']);
const FALSE = new Set(['no', 'n', 'false', '0', '-', '否', '无', '没有', 'nein', 'non']);

/** A yes/no cell; false when empty; null when it is neither. */
export function booleanOf(text: string): boolean | null {
  const s = text.trim().toLowerCase();
  if (s === '') return false;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}

export const BOOLEAN_WORDS = 'yes/no, true/false, 1/0, x';
