import type { MessageKey } from '../../../../shared/i18n/en';

export type ShortcutAction =
  | 'toggle'
  | 'next'
  | 'previous'
  | 'plusMinute'
  | 'minusMinute'
  | 'plus30'
  | 'minus30'
  | 'clearMessage'
  | 'blank'
  | 'hold'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** `KeyboardEvent.code` values: physical keys, so they work on any layout. */
  codes: readonly string[];
  /** How the sheet shows the keys. */
  caps: readonly string[];
  label: MessageKey;
}

/** The console's keys (issue #3). One table for the handler and the `?` sheet. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle', codes: ['Space'], caps: ['Space'], label: 'moderator.shortcuts.toggle' },
  { action: 'next', codes: ['KeyN', 'ArrowRight'], caps: ['N', '→'], label: 'moderator.shortcuts.next' },
  { action: 'previous', codes: ['KeyP', 'ArrowLeft'], caps: ['P', '←'], label: 'moderator.shortcuts.previous' },
  { action: 'plusMinute', codes: ['Equal', 'NumpadAdd'], caps: ['=', '+'], label: 'moderator.shortcuts.plusMinute' },
  { action: 'minusMinute', codes: ['Minus', 'NumpadSubtract'], caps: ['−'], label: 'moderator.shortcuts.minusMinute' },
  { action: 'plus30', codes: ['BracketRight'], caps: [']'], label: 'moderator.shortcuts.plus30' },
  { action: 'minus30', codes: ['BracketLeft'], caps: ['['], label: 'moderator.shortcuts.minus30' },
  { action: 'clearMessage', codes: ['Escape'], caps: ['Esc'], label: 'moderator.shortcuts.clearMessage' },
  { action: 'blank', codes: ['KeyB'], caps: ['B'], label: 'moderator.shortcuts.blank' },
  { action: 'hold', codes: ['KeyH'], caps: ['H'], label: 'timing.key.hold' },
  { action: 'help', codes: [], caps: ['?'], label: 'moderator.shortcuts.help' },
];

/** The row keys, listed in the sheet (handled by the rundown rows themselves). */
export const ROW_SHORTCUTS: readonly { caps: readonly string[]; label: MessageKey }[] = [
  { caps: ['Enter'], label: 'moderator.shortcuts.rowGoto' },
  { caps: ['E'], label: 'moderator.shortcuts.rowEdit' },
  { caps: ['Alt+↑', 'Alt+↓'], label: 'moderator.shortcuts.rowMove' },
  { caps: ['↑', '↓'], label: 'moderator.shortcuts.rowFocus' },
];

/** The key caps of an action, for hints on buttons. */
export const capsOf = (action: ShortcutAction): readonly string[] => SHORTCUTS.find((s) => s.action === action)?.caps ?? [];

/**
 * The action of a key press, or null. `?` is matched by the character it types as well as by
 * Shift+Slash, because layouts put it on different keys (on German keyboards it is Shift+ß,
 * the physical Minus key, which must then not take a minute away).
 */
export function actionOf(e: Pick<KeyboardEvent, 'code' | 'key' | 'shiftKey'>): ShortcutAction | null {
  if (e.key === '?' || (e.code === 'Slash' && e.shiftKey)) return 'help';
  return SHORTCUTS.find((s) => s.codes.includes(e.code))?.action ?? null;
}
