/**
 * The booth's keys that carry a modifier, in its editors (notes, glossary). Its single-key
 * shortcuts (hotkeys.ts) ignore any key pressed with Ctrl, Cmd or Alt, so only these can meet the
 * desktop app's menu accelerators (tests/electron/shell/accelerators.test.ts checks they don't).
 * Written as Electron accelerators.
 */
export const BOOTH_EDITOR_KEYS = {
  save: 'CommandOrControl+Enter',
  addRow: 'Alt+N',
  removeRow: 'Alt+X',
} as const;

/** The part of a KeyboardEvent (DOM or React) the save key reads. */
interface SaveKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  preventDefault(): void;
}

/**
 * Ctrl/Cmd+Enter saves. The key stops here (preventDefault): in the desktop app a key the page
 * lets through goes on to the application menu. True when it was the save key.
 */
export function handleSaveKey(e: SaveKeyEvent, save: () => unknown): boolean {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  e.preventDefault();
  void save();
  return true;
}
