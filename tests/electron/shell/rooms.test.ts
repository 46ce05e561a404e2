import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { sampleAgenda } from '../../../electron/app/sample-agenda';
import { settingValue } from '../../../electron/persistence/settings-schema';
import type { Placement } from '../../../electron/shell/displays';
import { PLACEMENTS_KEY, ShellWindows } from '../../../electron/shell/windows';
import type { SettingsStore } from '../../../electron/persistence/state-store';
import { LAPTOP, Menu, PROJECTOR, app, openWindows, screen, settleFullScreen, windowOf, type FakeWebFrame } from './electron-mock';
import { PRELOAD, SERVER, TOKENS, memorySettings, startShell } from './shell-helpers';

type Item = MenuItemConstructorOptions;

const ROOM_TOKENS = { control: 'room-a-control-01', booth: 'room-a-booth-0002', view: 'room-a-view-00003' } as const;
const BREAKOUT = { id: 'breakout-a', name: { en: 'Breakout A', zh: '分会场 A' } };

/** The window manager with `main` and one other room (breakout-a). */
const roomWindows = (settings: SettingsStore = memorySettings()) =>
  new ShellWindows({
    serverUrl: SERVER,
    tokens: { ...TOKENS },
    roomTokens: (room) => (room === BREAKOUT.id ? { ...ROOM_TOKENS } : undefined),
    preloadPath: PRELOAD,
    settings,
    platform: 'linux',
  });

const ipcEvent = (sender: { id: number }, frame: FakeWebFrame | null) => ({ sender, senderFrame: frame });
const onProjector: Placement = { displayId: PROJECTOR.id, displayLabel: PROJECTOR.label, bounds: { x: 1600, y: 100, width: 1280, height: 720 }, fullscreen: true };
const placements = (settings: SettingsStore) => settings.get(PLACEMENTS_KEY) as Record<string, Placement | undefined>;

function allItems(items: readonly Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu as Item[]) : [])]);
}
const appMenu = () => allItems((Menu.current?.template ?? []) as Item[]);
const menuItem = (id: string) => appMenu().find((i) => i.id === id);
const click = (id: string) => {
  const item = menuItem(id);
  if (!item) throw new Error(`no menu item ${id}`);
  (item.click as () => void)();
};

describe('each window picks a room', () => {
  it('a room\'s speaker, booth and console load /r/<room>/…; main\'s keep today\'s URLs; both rooms\' windows are open at once', () => {
    const windows = roomWindows();
    windows.open('speaker');
    windows.open('speaker', BREAKOUT.id);
    windows.open('booth', BREAKOUT.id);
    windows.open('moderator', BREAKOUT.id);
    expect(openWindows().map((w) => w.webContents.getURL())).toEqual([
      `${SERVER}/speaker`,
      `${SERVER}/r/breakout-a/speaker`,
      `${SERVER}/r/breakout-a/booth`,
      `${SERVER}/r/breakout-a/moderator`,
    ]);
    expect(windows.isOpen('speaker', BREAKOUT.id)).toBe(true);
    expect(windows.isOpen('booth')).toBe(false);
    // Opening again brings the room's own window to the front: no second one.
    windows.open('speaker', BREAKOUT.id);
    expect(openWindows()).toHaveLength(4);
  });

  it('a room\'s window is handed that room\'s token for its role, never the venue\'s', () => {
    const windows = roomWindows();
    windows.open('booth', BREAKOUT.id);
    windows.open('booth');
    const room = windowOf('r/breakout-a/booth').webContents;
    const main = windowOf('booth').webContents;
    expect(windows.preloadInfo(ipcEvent(room, room.mainFrame) as never)?.token).toBe(ROOM_TOKENS.booth);
    expect(windows.preloadInfo(ipcEvent(main, main.mainFrame) as never)?.token).toBe(TOKENS.booth);
  });

  it('a room that no longer exists hands out no token', () => {
    const windows = roomWindows();
    windows.open('speaker', 'gone');
    const wc = windowOf('r/gone/speaker').webContents;
    expect(windows.preloadInfo(ipcEvent(wc, wc.mainFrame) as never)).toBeNull();
  });
});

describe('the speaker monitor of each room remembers its display', () => {
  it('display picker for a room: full screen there, kept under "<room>/speaker", main\'s placement untouched', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings({ [PLACEMENTS_KEY]: { speaker: { ...onProjector, fullscreen: false, bounds: { x: 100, y: 100, width: 800, height: 450 } } } });
    const before = placements(settings)['speaker'];
    const windows = roomWindows(settings);
    windows.speakerOn(PROJECTOR.id, BREAKOUT.id);
    await settleFullScreen();
    const win = windowOf('r/breakout-a/speaker');
    expect(win.isFullScreen()).toBe(true);
    expect(win.getBounds()).toEqual(PROJECTOR.bounds);
    expect(placements(settings)['breakout-a/speaker']).toMatchObject({ displayId: PROJECTOR.id, fullscreen: true });
    expect(placements(settings)['speaker']).toEqual(before);
  });

  it('after a restart each room\'s speaker monitor opens where it was, and main\'s where it was', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const first = roomWindows(settings);
    first.open('speaker', BREAKOUT.id);
    first.open('speaker');
    const roomBounds = { x: 1700, y: 200, width: 900, height: 500 };
    const mainBounds = { x: 200, y: 100, width: 700, height: 400 };
    windowOf('r/breakout-a/speaker').userMoves(roomBounds);
    windowOf('speaker').userMoves(mainBounds);
    first.saveAll();
    for (const w of openWindows()) w.close();

    const again = roomWindows(settings);
    again.open('speaker', BREAKOUT.id);
    again.open('speaker');
    expect(windowOf('r/breakout-a/speaker').getBounds()).toEqual(roomBounds);
    expect(windowOf('speaker').getBounds()).toEqual(mainBounds);
    expect(Object.keys(placements(settings)).sort()).toEqual(['breakout-a/speaker', 'speaker']);
  });

  it('a settings file from before rooms loads unchanged, and its placements still apply to main only', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const old = { speaker: onProjector, booth: { displayId: LAPTOP.id, displayLabel: LAPTOP.label, bounds: { x: 10, y: 50, width: 900, height: 700 }, fullscreen: false } };
    expect(settingValue('windows', structuredClone(old))).toEqual(old);
    expect(settingValue('windows', { ...old, 'breakout-a/speaker': onProjector })).toEqual({ ...old, 'breakout-a/speaker': onProjector });
    expect(settingValue('windows', undefined)).toEqual({});

    const windows = roomWindows(memorySettings({ [PLACEMENTS_KEY]: old }));
    windows.open('speaker');
    windows.open('speaker', BREAKOUT.id);
    expect(windowOf('speaker').getBounds().x).toBeGreaterThanOrEqual(PROJECTOR.bounds.x);
    // The room has nothing remembered: centred on the primary display, not over main's projector.
    expect(windowOf('r/breakout-a/speaker').getBounds().x).toBeLessThan(PROJECTOR.bounds.x);
  });
});

describe('the Windows menu lists the rooms', () => {
  it('each room, named in the UI language, with Console, Speaker monitor and Booth; rebuilt on add, rename and remove', async () => {
    const shell = await startShell();
    expect(menuItem('room.main')?.label).toBeDefined();
    expect(menuItem('room.breakout-a')).toBeUndefined();

    expect(shell.running.rooms.add(BREAKOUT).ok).toBe(true);
    const room = menuItem('room.breakout-a');
    expect(room?.label).toBe('Breakout A');
    expect((room?.submenu as Item[]).filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['Console', 'Speaker monitor', 'Booth', 'Speaker monitor full screen on']);

    click('room.breakout-a.speaker');
    expect(windowOf('r/breakout-a/speaker').webContents.getURL()).toBe(`${new URL(shell.running.url).origin}/r/breakout-a/speaker`);
    click('room.breakout-a.moderator');
    expect(windowOf('r/breakout-a/moderator')).toBeDefined();
    // The main room's items keep opening today's windows.
    click('room.main.booth');
    expect(windowOf('booth')).toBeDefined();

    expect(shell.running.rooms.rename(BREAKOUT.id, { name: { en: 'Hall B', zh: 'B 厅' } }).ok).toBe(true);
    expect(menuItem('room.breakout-a')?.label).toBe('Hall B');

    expect(shell.running.rooms.remove(BREAKOUT.id, false).ok).toBe(true);
    expect(menuItem('room.breakout-a')).toBeUndefined();
    // Its windows close with it; main's stay.
    expect(openWindows().map((w) => new URL(w.webContents.getURL()).pathname).sort()).toEqual(['/booth', '/moderator']);
  });

  it('Chinese: room names and items in Chinese', async () => {
    app.languages = ['zh-CN'];
    const shell = await startShell();
    shell.running.rooms.add(BREAKOUT);
    const room = menuItem('room.breakout-a');
    expect(room?.label).toBe('分会场 A');
    expect((room?.submenu as Item[]).slice(0, 3).map((i) => i.label)).toEqual(['控制台', '发言人提示屏', '同传间']);
  });

  it('macOS activate: a room\'s window open is a window open (no console pops up); none open opens main\'s console', async () => {
    const shell = await startShell();
    shell.running.rooms.add(BREAKOUT);
    click('room.breakout-a.speaker');
    windowOf('moderator').close();
    app.emit('activate');
    expect(openWindows().map((w) => new URL(w.webContents.getURL()).pathname)).toEqual(['/r/breakout-a/speaker']);
    windowOf('r/breakout-a/speaker').close();
    app.emit('activate');
    expect(openWindows().map((w) => new URL(w.webContents.getURL()).pathname)).toEqual(['/moderator']);
  });

  it('the Session menu acts on the room whose console has the focus, and follows that room\'s clock', async () => {
    const shell = await startShell();
    shell.running.rooms.add(BREAKOUT);
    const roomCore = shell.running.rooms.core(BREAKOUT.id)!;
    expect(roomCore.execute({ type: 'agenda.replace', agenda: sampleAgenda() }, 'control').ok).toBe(true);
    click('room.breakout-a.moderator');
    windowOf('r/breakout-a/moderator').focus();
    expect(menuItem('session.start')?.enabled).toBe(true);
    click('session.start');
    expect(roomCore.state.clock.status).toBe('running');
    expect(shell.running.core.state.clock.status).toBe('idle');
    // The room's clock runs: Pause is offered, Start is not.
    expect([menuItem('session.start')?.enabled, menuItem('session.pause')?.enabled]).toEqual([false, true]);
    // Main's console: main's clock (idle) decides.
    windowOf('moderator').focus();
    expect([menuItem('session.start')?.enabled, menuItem('session.pause')?.enabled]).toEqual([true, false]);
    // The room's booth never runs Session items.
    click('room.breakout-a.booth');
    windowOf('r/breakout-a/booth').focus();
    expect(menuItem('session.pause')?.enabled).toBe(false);
  });

  it('a room\'s display picker puts that room\'s speaker monitor on the display', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const shell = await startShell();
    shell.running.rooms.add(BREAKOUT);
    click(`room.breakout-a.display.${PROJECTOR.id}`);
    await settleFullScreen();
    expect(windowOf('r/breakout-a/speaker').isFullScreen()).toBe(true);
    expect(shell.windows.isOpen('speaker')).toBe(false);
  });
});
