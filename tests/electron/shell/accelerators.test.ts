// Every accelerator of the desktop app's menu, on every platform, against every key a view
// handles itself and the keys the system keeps (zoom, editing, windows): none may shadow one.
// A key the page lets through goes on to the menu (Electron); a menu key that is also a view's
// key would act twice, or in the wrong window.

import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../electron/shell/menu';
import { SESSION_ACTIONS } from '../../../electron/shell/session-commands';
import { shellStrings } from '../../../electron/shell/strings';
import { BOOTH_EDITOR_KEYS } from '../../../renderer/views/booth/editor-keys';
import { fakeMenuActions } from './shell-helpers';

// Imported by path: the node typecheck has no DOM, and this table sits beside browser code.
const shortcutKeys = new URL('../../../renderer/views/moderator/keyboard/shortcut-keys.ts', import.meta.url).pathname;
const { SHORTCUTS, ROW_SHORTCUTS } = (await import(/* @vite-ignore */ shortcutKeys)) as {
  SHORTCUTS: readonly { action: string; codes: readonly string[] }[];
  ROW_SHORTCUTS: readonly { caps: readonly string[]; label: string }[];
};

type Item = MenuItemConstructorOptions;
const allItems = (items: readonly Item[]): Item[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu as Item[]) : [])]);

const KEY_ALIASES: Record<string, string> = {
  plus: '+',
  return: 'enter',
  esc: 'escape',
  up: 'arrowup',
  down: 'arrowdown',
  left: 'arrowleft',
  right: 'arrowright',
  '↑': 'arrowup',
  '↓': 'arrowdown',
  '←': 'arrowleft',
  '→': 'arrowright',
  '−': '-',
  ' ': 'space',
};
/** `KeyboardEvent.code` as the key it is on a US layout. */
const CODE_KEYS: Record<string, string> = { Equal: '=', Minus: '-', BracketLeft: '[', BracketRight: ']', NumpadAdd: '+', NumpadSubtract: '-', Slash: '/' };

/**
 * One key press, written one way: "mod+alt+shift+key". Ctrl and Cmd are one modifier: the views
 * take either (Ctrl/Cmd+Enter), and CommandOrControl is Ctrl on Windows/Linux, Cmd on macOS.
 */
function canonical(combo: string): string {
  const parts = combo.split('+');
  // "CommandOrControl++" / "Ctrl++": the key itself is "+".
  const key = parts.at(-1) === '' ? '+' : parts.at(-1)!;
  const mods = new Set(parts.slice(0, parts.at(-1) === '' ? -2 : -1).map((m) => m.toLowerCase()));
  const mod = ['commandorcontrol', 'cmdorctrl', 'control', 'ctrl', 'command', 'cmd', 'super', 'meta'].some((m) => mods.has(m));
  const lower = key.toLowerCase();
  return [mod && 'mod', (mods.has('alt') || mods.has('option')) && 'alt', mods.has('shift') && 'shift', KEY_ALIASES[lower] ?? KEY_ALIASES[key] ?? lower].filter(Boolean).join('+');
}
const fromCode = (code: string) => CODE_KEYS[code] ?? code.replace(/^Key/, '').replace(/^Digit/, '');

/** Every key the views handle themselves, from their own definitions. */
const VIEW_KEYS: [string, string][] = [
  ...SHORTCUTS.flatMap((s) => s.codes.map((code) => [`moderator ${s.action}`, canonical(fromCode(code))] as [string, string])),
  ['moderator help', canonical('?')],
  ...ROW_SHORTCUTS.flatMap((s) => s.caps.map((cap) => [`moderator row ${s.label}`, canonical(cap)] as [string, string])),
  ...Object.entries(BOOTH_EDITOR_KEYS).map(([name, key]) => [`booth ${name}`, canonical(key)] as [string, string]),
];

/** Keys the system (or Chromium) keeps: zoom, editing, and on macOS hiding, minimising, closing. */
const SYSTEM_KEYS: [string, string][] = [
  ...['=', 'Plus', '-', '0', 'Shift+='].map((k) => ['zoom', canonical(`CommandOrControl+${k}`)] as [string, string]),
  ...['C', 'V', 'X', 'A', 'Z', 'Shift+Z', 'Y'].map((k) => ['editing', canonical(`CommandOrControl+${k}`)] as [string, string]),
  ...['W', 'M', 'H', 'Alt+H', 'Space'].map((k) => ['macOS', canonical(`Command+${k}`)] as [string, string]),
];

describe('the menu\'s accelerators against the views\' own keys and the system\'s', () => {
  it('reads the keys from the views (moderator table, row keys, booth editors)', () => {
    const keys = VIEW_KEYS.map(([, k]) => k);
    expect(keys).toEqual(expect.arrayContaining(['space', 'n', '=', '-', '[', ']', 'escape', 'b', 'alt+arrowup', 'mod+enter', 'alt+n', 'alt+x']));
  });

  it.each(['linux', 'win32', 'darwin'] as const)('%s: no accelerator is a view\'s key or the system\'s (the zoom items are the zoom)', (platform) => {
    const template = menuTemplate(
      {
        strings: shellStrings('en'),
        platform,
        session: Object.fromEntries(SESSION_ACTIONS.map((a) => [a, true])) as Record<(typeof SESSION_ACTIONS)[number], boolean>,
        moderatorFocused: true,
        displays: [],
        primaryDisplayId: 1,
        speakerOpen: true,
        speakerFullscreen: false,
        rooms: [{ id: 'main', name: { en: 'Plenary', zh: '全体会议' } }, { id: 'breakout-a', name: { en: 'Breakout A', zh: '分会场 A' } }],
      },
      fakeMenuActions(),
    );
    const ours = allItems(template).filter((i): i is Item & { accelerator: string } => typeof i.accelerator === 'string' && i.role === undefined);
    expect(ours.length).toBeGreaterThanOrEqual(7);
    const clashes = ours.flatMap((item) =>
      [...VIEW_KEYS, ...SYSTEM_KEYS].filter(([, key]) => key === canonical(item.accelerator)).map(([owner]) => `${item.id ?? item.label} (${item.accelerator}) is ${owner}'s key`),
    );
    expect(clashes).toEqual([]);
    // And no two items share one.
    const seen = ours.map((i) => canonical(i.accelerator));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
