import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ACCELERATORS, menuTemplate, type MenuModel } from '../../../electron/shell/menu';
import { SESSION_ACTIONS, sessionAvailability, sessionCommand } from '../../../electron/shell/session-commands';
import { shellStrings } from '../../../electron/shell/strings';
import { shellEn, shellZh } from '../../../shared/i18n/parts/shell';
import { initialState } from '../../../electron/engine/initial-state';
import { sampleAgenda } from '../../../electron/app/sample-agenda';
import { Menu, acceleratorMatches, dialog, openWindows, settleFullScreen, windowOf } from './electron-mock';
import { fakeMenuActions, startShell } from './shell-helpers';

type Item = MenuItemConstructorOptions;

const model = (over: Partial<MenuModel> = {}): MenuModel => ({
  strings: shellStrings('en'),
  platform: 'linux',
  session: sessionAvailability(initialState(sampleAgenda())),
  moderatorFocused: true,
  displays: [],
  primaryDisplayId: 1,
  speakerOpen: false,
  speakerFullscreen: false,
  rooms: [],
  ...over,
});

/** Every item of a template, submenus included. */
function allItems(items: readonly Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu as Item[]) : [])]);
}
const byId = (items: readonly Item[], id: string): Item => {
  const found = allItems(items).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};
const click = (item: Item) => (item.click as (() => void) | undefined)?.();
/** The application menu the running shell set last. */
const appMenu = () => (Menu.current?.template ?? []) as Item[];

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('%s: File, Edit, View, Session, Windows, Help', (platform) => {
    const labels = menuTemplate(model({ platform }), fakeMenuActions()).map((m) => m.label);
    expect(labels).toEqual([...(platform === 'darwin' ? ['Rostrum'] : []), 'File', 'Edit', 'View', 'Session', 'Windows', 'Help']);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('%s: every shortcut that involves a typing key carries Ctrl/Cmd, so none fires while someone types', (platform) => {
    const accelerators = allItems(menuTemplate(model({ platform }), fakeMenuActions()))
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(accelerators.length).toBeGreaterThanOrEqual(Object.keys(ACCELERATORS).length - 1);
    for (const accelerator of accelerators) expect(accelerator, accelerator).toMatch(/^((CommandOrControl|CmdOrCtrl|Ctrl|Control|Command|Cmd)\+|F\d+$)/);
  });

  it('macOS: the Window menu (windowMenu role) with Minimise (Cmd+M), and Close window (Cmd+W) in File', () => {
    const template = menuTemplate(model({ platform: 'darwin' }), fakeMenuActions());
    expect(template.find((m) => m.id === 'windows')?.role).toBe('windowMenu');
    const roles = allItems(template).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['close', 'minimize', 'zoom', 'front']));
    const file = template.find((m) => m.id === 'file')?.submenu as Item[];
    expect(file.map((i) => i.role)).toContain('close');
    // Not on Windows and Linux, where the window's own title bar does that.
    expect(allItems(menuTemplate(model({ platform: 'linux' }), fakeMenuActions())).map((i) => i.role)).not.toContain('minimize');
  });

  it('View: the system zoom keys zoom (Ctrl/Cmd with =, + , − and 0), for every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = allItems(menuTemplate(model({ platform }), fakeMenuActions()));
      const byAccelerator = (a: string) => items.find((i) => i.accelerator === a)?.role;
      expect([byAccelerator('CommandOrControl+='), byAccelerator('CommandOrControl+Plus'), byAccelerator('CommandOrControl+-'), byAccelerator('CommandOrControl+0')]).toEqual([
        'zoomIn',
        'zoomIn',
        'zoomOut',
        'resetZoom',
      ]);
    }
  });

  it('the speaker monitor\'s full screen has each system\'s full-screen key: F11, or Ctrl+Cmd+F on macOS', () => {
    expect(byId(menuTemplate(model({ platform: 'linux' }), fakeMenuActions()), 'windows.speakerFullscreen').accelerator).toBe('F11');
    expect(byId(menuTemplate(model({ platform: 'win32' }), fakeMenuActions()), 'windows.speakerFullscreen').accelerator).toBe('F11');
    expect(byId(menuTemplate(model({ platform: 'darwin' }), fakeMenuActions()), 'windows.speakerFullscreen').accelerator).toBe('Control+Command+F');
  });

  it('opens the speaker monitor with Ctrl/Cmd+Shift+S and the booth with Ctrl/Cmd+Shift+B', () => {
    const a = fakeMenuActions();
    const template = menuTemplate(model(), a);
    expect(byId(template, 'window.speaker').accelerator).toBe('CommandOrControl+Shift+S');
    expect(byId(template, 'window.booth').accelerator).toBe('CommandOrControl+Shift+B');
    click(byId(template, 'window.speaker'));
    click(byId(template, 'window.booth'));
    expect(a.openWindow).toHaveBeenNthCalledWith(1, 'speaker');
    expect(a.openWindow).toHaveBeenNthCalledWith(2, 'booth');
  });

  it('is all in Chinese when the system is, with no key missing from either language', () => {
    expect(Object.keys(shellZh).sort()).toEqual(Object.keys(shellEn).sort());
    const labels = allItems(menuTemplate(model({ strings: shellStrings('zh') }), fakeMenuActions()))
      .map((i) => i.label)
      .filter((l): l is string => typeof l === 'string');
    for (const label of labels) expect(Object.values(shellEn), label).not.toContain(label);
    expect(labels).toContain('会议');
  });
});

describe('Session menu: the same command path as the views', () => {
  const state = initialState(sampleAgenda());

  it('builds each command exactly as the moderator view does, naming the current item', () => {
    expect(sessionCommand('start', state)).toEqual({ type: 'start', expectedItemId: 'open-local-gov' });
    expect(sessionCommand('pause', state)).toBeNull();
    expect(sessionCommand('next', state)).toEqual({ type: 'next', expectedItemId: 'open-local-gov' });
    expect(sessionCommand('previous', state)).toBeNull(); // nothing before the first item
    expect(sessionCommand('plusMinute', state)).toEqual({ type: 'adjust', seconds: 60, expectedItemId: 'open-local-gov' });
    expect(sessionCommand('minusMinute', state)).toEqual({ type: 'adjust', seconds: -60, expectedItemId: 'open-local-gov' });
    const paused = { ...state, clock: { ...state.clock, status: 'paused' as const } };
    expect(sessionCommand('start', paused)).toEqual({ type: 'resume', expectedItemId: 'open-local-gov' });
    const running = { ...state, clock: { ...state.clock, status: 'running' as const } };
    expect(sessionCommand('start', running)).toBeNull();
    expect(sessionCommand('pause', running)).toEqual({ type: 'pause', expectedItemId: 'open-local-gov' });
    const ended = { ...state, clock: { ...state.clock, status: 'ended' as const, currentItemId: null } };
    expect(SESSION_ACTIONS.filter((a) => sessionCommand(a, ended) !== null)).toEqual(['previous']);
    expect(sessionCommand('previous', ended)).toEqual({ type: 'previous' });
  });

  it('runs start, pause, ±1 min, next and previous on the live core through RostrumCore.execute with the control role', async () => {
    const shell = await startShell();
    windowOf('moderator').focus();
    const execute = vi.spyOn(shell.running.core, 'execute');
    const core = shell.running.core;
    const item = (id: string) => byId(appMenu(), `session.${id}`);

    expect(item('pause').enabled).toBe(false);
    click(item('start'));
    expect(execute).toHaveBeenLastCalledWith({ type: 'start', expectedItemId: 'open-local-gov' }, 'control');
    expect(core.state.clock.status).toBe('running');
    // The menu followed the clock: now Pause applies, Start does not.
    expect(item('pause').enabled).toBe(true);
    expect(item('start').enabled).toBe(false);

    click(item('plusMinute'));
    expect(core.state.clock.addedMs).toBe(60_000);
    click(item('minusMinute'));
    click(item('minusMinute'));
    expect(core.state.clock.addedMs).toBe(-60_000);
    click(item('pause'));
    expect(core.state.clock.status).toBe('paused');
    click(item('next'));
    expect(core.state.clock.currentItemId).toBe('open-cao');
    click(item('previous'));
    expect(execute).toHaveBeenLastCalledWith({ type: 'previous', expectedItemId: 'open-cao' }, 'control');
    expect(core.state.clock.currentItemId).toBe('open-local-gov');
    expect(execute.mock.calls.every(([, role]) => role === 'control')).toBe(true);
  });

  it('a click that crosses another moderator\'s is refused, not applied to the next speaker, and says so', async () => {
    const shell = await startShell();
    windowOf('moderator').focus();
    const next = byId(appMenu(), 'session.next');
    // Someone else moves on after the menu was last built — the item named by the click is stale.
    const core = shell.running.core;
    const stale = core.state;
    expect(core.execute({ type: 'next', expectedItemId: 'open-local-gov' }, 'control')).toMatchObject({ ok: true });
    vi.spyOn(core, 'state', 'get').mockReturnValueOnce(stale);
    click(next);
    expect(core.state.clock.currentItemId).toBe('open-cao');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'The command was not carried out', detail: 'Someone else already moved on — check the current item.' }),
    );
  });
});

describe('keys pressed in the running app\'s windows: the Session menu acts from the moderator\'s window only', () => {
  it('Ctrl/Cmd+Enter saving a booth note (the booth stops the key) never reaches the clock, nor would it if the page let it through', async () => {
    const shell = await startShell();
    shell.windows.open('booth');
    const booth = windowOf('booth');
    expect(booth.press({ key: 'Enter', control: true }, true)).toBe(false);
    expect(booth.press({ key: 'Enter', control: true })).toBe(false);
    expect(booth.press({ key: 'Enter', meta: true })).toBe(false);
    expect(shell.running.core.state.clock.status).toBe('idle');
  });

  it('Session keys in the booth or the speaker monitor do nothing, and the Session items are greyed out there', async () => {
    const shell = await startShell();
    shell.windows.open('booth');
    shell.windows.open('speaker');
    for (const view of ['booth', 'speaker']) {
      const win = windowOf(view);
      expect(win.press({ key: 'Enter', control: true, shift: true }), view).toBe(false);
      expect(byId(appMenu(), 'session.start').enabled, view).toBe(false);
      click(byId(appMenu(), 'session.next')); // a stale menu, clicked: still nothing
    }
    expect(shell.running.core.state.clock.status).toBe('idle');
    expect(shell.running.core.state.clock.currentItemId).toBe('open-local-gov');

    const moderator = windowOf('moderator');
    expect(moderator.press({ key: 'Enter', control: true, shift: true })).toBe(true);
    expect(shell.running.core.state.clock.status).toBe('running');
    expect(byId(appMenu(), 'session.pause').enabled).toBe(true);
    windowOf('booth').focus();
    expect(byId(appMenu(), 'session.pause').enabled).toBe(false);
  });

  it('Ctrl/Cmd with =, − or 0 zooms, in every window — it never changes the live timer', async () => {
    const shell = await startShell();
    windowOf('moderator').focus();
    click(byId(appMenu(), 'session.start'));
    for (const key of ['=', '-', '0', '+']) {
      const items = allItems(appMenu()).filter((i) => i.accelerator !== undefined && acceleratorMatches(i.accelerator as string, { key, control: true }));
      expect(items.map((i) => i.role), key).toEqual([['=', '+'].includes(key) ? 'zoomIn' : key === '-' ? 'zoomOut' : 'resetZoom']);
    }
    expect(shell.running.core.state.clock.addedMs).toBe(0);
  });
});

describe('Windows and Help menus of the running app', () => {
  it('opens the speaker monitor and the booth, and ticks full screen while the speaker monitor is full screen', async () => {
    await startShell();
    click(byId(appMenu(), 'window.speaker'));
    click(byId(appMenu(), 'window.booth'));
    expect(openWindows().map((w) => new URL(w.webContents.getURL()).pathname).sort()).toEqual(['/booth', '/moderator', '/speaker']);
    expect(byId(appMenu(), 'windows.speakerFullscreen')).toMatchObject({ enabled: true, checked: false });
    click(byId(appMenu(), 'windows.speakerFullscreen'));
    await settleFullScreen();
    expect(windowOf('speaker').isFullScreen()).toBe(true);
    expect(byId(appMenu(), 'windows.speakerFullscreen')).toMatchObject({ checked: true });
    // Its key, from whichever window has the focus; Esc on the monitor itself leaves too.
    expect(windowOf('moderator').press({ key: 'F11' })).toBe(true);
    await settleFullScreen();
    expect(windowOf('speaker').isFullScreen()).toBe(false);
    windowOf('moderator').press({ key: 'F11' });
    await settleFullScreen();
    windowOf('speaker').press({ key: 'Escape' });
    await settleFullScreen();
    expect(windowOf('speaker').isFullScreen()).toBe(false);
    windowOf('speaker').close();
    expect(byId(appMenu(), 'windows.speakerFullscreen')).toMatchObject({ enabled: false, checked: false });
  });

  it('Help: about names the version, server and data folder; the data folder opens', async () => {
    const shell = await startShell();
    click(byId(appMenu(), 'help.about'));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: `Version 0.1.0\nServer: ${shell.running.url}\nData folder: ${shell.dataDir}` }));
    click(byId(appMenu(), 'help.openDataDir'));
    const { shell: electronShell } = await import('./electron-mock');
    expect(electronShell.openPath).toHaveBeenCalledWith(shell.dataDir);
  });
});
