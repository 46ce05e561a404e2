import { describe, expect, it, vi } from 'vitest';
import { centerIn, findDisplay, fitInto, fullscreenOn, parsePlacement, placeWindow, type Placement, type ScreenDisplay } from '../../../electron/shell/displays';
import { PLACEMENTS_KEY } from '../../../electron/shell/windows';
import { LAPTOP, PROJECTOR, display, powerSaveBlocker, screen, settleFullScreen, windowOf, Menu } from './electron-mock';
import { memorySettings, shellWindows, startShell } from './shell-helpers';

const SIZE = { width: 1280, height: 720 };
const onProjector: Placement = {
  displayId: PROJECTOR.id,
  displayLabel: PROJECTOR.label,
  bounds: { x: 1600, y: 100, width: 1280, height: 720 },
  fullscreen: true,
};

describe('where a window goes (pure placement)', () => {
  const both: ScreenDisplay[] = [LAPTOP, PROJECTOR];

  it('with nothing remembered: centred on the primary display at its default size', () => {
    expect(placeWindow(undefined, both, LAPTOP, SIZE)).toEqual({
      display: LAPTOP,
      bounds: { x: 80, y: 110, width: 1280, height: 720 },
      fullscreen: false,
      fellBack: false,
    });
  });

  it('on its remembered display, at its remembered bounds, full screen if it was', () => {
    expect(placeWindow(onProjector, both, LAPTOP, SIZE)).toEqual({ display: PROJECTOR, bounds: onProjector.bounds, fullscreen: true, fellBack: false });
  });

  it('kept inside the display when that display got smaller', () => {
    const small = display(PROJECTOR.id, PROJECTOR.label, 1440, 1024, 768);
    const decision = placeWindow(onProjector, [LAPTOP, small], LAPTOP, SIZE);
    expect(decision.display.id).toBe(PROJECTOR.id);
    expect(decision.bounds).toEqual({ x: 1440, y: 48, width: 1024, height: 720 });
  });

  it('on the primary display, centred, not full screen, when the remembered display has gone', () => {
    expect(placeWindow(onProjector, [LAPTOP], LAPTOP, SIZE)).toEqual({
      display: LAPTOP,
      bounds: { x: 80, y: 110, width: 1280, height: 720 },
      fullscreen: false,
      fellBack: true,
    });
  });

  it('finds a replugged display that got a new id by its name, unless two displays share the name', () => {
    const replugged = { ...PROJECTOR, id: 77 };
    expect(findDisplay([LAPTOP, replugged], onProjector)?.id).toBe(77);
    const twin = { ...display(78, PROJECTOR.label, 3360) };
    expect(findDisplay([LAPTOP, replugged, twin], onProjector)).toBeUndefined();
    expect(findDisplay([LAPTOP, replugged], { displayId: 2, displayLabel: '' })).toBeUndefined();
  });

  it('fits and centres without ever exceeding the area', () => {
    const area = { x: 100, y: 50, width: 800, height: 600 };
    expect(fitInto({ x: -500, y: 5000, width: 2000, height: 100 }, area)).toEqual({ x: 100, y: 550, width: 800, height: 100 });
    expect(centerIn({ width: 1000, height: 1000 }, area)).toEqual(area);
  });

  it('reads back only well-formed placements from settings.json', () => {
    expect(parsePlacement(onProjector)).toEqual(onProjector);
    expect(parsePlacement({ ...onProjector, displayLabel: undefined })).toEqual({ ...onProjector, displayLabel: '' });
    for (const junk of [null, 'x', { ...onProjector, bounds: { x: 0, y: 0, width: 0, height: 10 } }, { ...onProjector, fullscreen: 'yes' }, { ...onProjector, displayId: '2' }]) {
      expect(parsePlacement(junk)).toBeUndefined();
    }
  });
});

describe('windows on real displays (Electron mocked)', () => {
  it('opens the speaker monitor full screen on the projector it was on', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    shellWindows(memorySettings({ [PLACEMENTS_KEY]: { speaker: onProjector } })).open('speaker');
    const win = windowOf('speaker');
    expect(win.isFullScreen()).toBe(true);
    expect(win.getBounds()).toEqual(PROJECTOR.bounds);
    expect(win.getNormalBounds()).toEqual(onProjector.bounds);
  });

  it('opens it windowed on the primary display when that projector is not connected', () => {
    shellWindows(memorySettings({ [PLACEMENTS_KEY]: { speaker: onProjector } })).open('speaker');
    const win = windowOf('speaker');
    expect(win.isFullScreen()).toBe(false);
    expect(win.getBounds()).toEqual({ x: 80, y: 110, width: 1280, height: 720 });
  });

  it('remembers each window\'s own display and bounds', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.open('booth');
    windows.open('moderator');
    const boothBounds = { x: 1500, y: 200, width: 1000, height: 700 };
    windowOf('booth').userMoves(boothBounds);
    windowOf('booth').close();
    windowOf('moderator').close();
    const saved = (settings.get(PLACEMENTS_KEY) as Record<string, Placement> | undefined);
    expect(saved?.['booth']).toEqual({ displayId: PROJECTOR.id, displayLabel: PROJECTOR.label, bounds: boothBounds, fullscreen: false });
    expect(saved?.['moderator']?.displayId).toBe(LAPTOP.id);

    windows.open('booth');
    expect(windowOf('booth').getBounds()).toEqual(boothBounds);
  });

  it('display picker: puts the speaker monitor full screen on the chosen display and remembers it', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.open('speaker');
    expect(windowOf('speaker').isFullScreen()).toBe(false);
    windows.speakerOn(PROJECTOR.id);
    await settleFullScreen();
    const win = windowOf('speaker');
    expect(win.isFullScreen()).toBe(true);
    expect(win.getBounds()).toEqual(PROJECTOR.bounds);
    expect((settings.get(PLACEMENTS_KEY) as Record<string, Placement> | undefined)?.['speaker']).toMatchObject({ displayId: PROJECTOR.id, fullscreen: true });
  });

  it('display picker, speaker monitor closed: opens it straight onto that display', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    shellWindows().speakerOn(PROJECTOR.id);
    expect(windowOf('speaker').isFullScreen()).toBe(true);
    expect(windowOf('speaker').getBounds()).toEqual(PROJECTOR.bounds);
  });

  it('projector unplugged: the speaker monitor comes to the primary display; plugged back: it returns, full screen', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.speakerOn(PROJECTOR.id);

    screen.unplug(PROJECTOR.id);
    windows.relocate();
    await settleFullScreen();
    const win = windowOf('speaker');
    expect(win.isFullScreen()).toBe(false);
    expect(win.getBounds()).toEqual({ x: 80, y: 110, width: 1280, height: 720 });

    // Moved about while standing in on the laptop: not taken as the new place.
    win.userMoves({ x: 10, y: 50, width: 1000, height: 600 });
    windows.saveAll();
    expect((settings.get(PLACEMENTS_KEY) as Record<string, Placement> | undefined)?.['speaker']?.displayId).toBe(PROJECTOR.id);

    screen.plug(PROJECTOR);
    windows.relocate();
    await settleFullScreen();
    expect(win.isFullScreen()).toBe(true);
    expect(win.getBounds()).toEqual(PROJECTOR.bounds);
  });

  it('saves a move once it has settled, while the window stays open', () => {
    vi.useFakeTimers();
    try {
      screen.displays = [LAPTOP, PROJECTOR];
      const settings = memorySettings();
      shellWindows(settings).open('booth');
      windowOf('booth').userMoves({ x: 1500, y: 200, width: 1000, height: 700 });
      windowOf('booth').userMoves({ x: 1600, y: 200, width: 1000, height: 700 });
      expect(settings.get(PLACEMENTS_KEY)).toEqual({});
      vi.advanceTimersByTime(1000);
      expect((settings.get(PLACEMENTS_KEY) as Record<string, Placement> | undefined)?.['booth']?.bounds.x).toBe(1600);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a move the user just made is kept when displays change before it was saved', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.open('booth');
    const moved = { x: 1500, y: 200, width: 1000, height: 700 };
    windowOf('booth').userMoves(moved); // saved only once the move settles
    screen.plug(display(3, 'Confidence monitor', 3360));
    windows.relocate();
    expect(windowOf('booth').getBounds()).toEqual(moved);
    expect((settings.get(PLACEMENTS_KEY) as Record<string, Placement> | undefined)?.['booth']).toMatchObject({ displayId: PROJECTOR.id, bounds: moved });
  });

  it('the running app reacts to displays being plugged in and unplugged, and lists them in the picker', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const shell = await startShell();
    shell.menuActions.speakerOn(PROJECTOR.id);
    await settleFullScreen();
    const pickerLabels = () => {
      const windowsMenu = (Menu.current?.template as { id?: string; submenu?: { id?: string; submenu?: { label: string }[] }[] }[]).find((m) => m.id === 'windows');
      return windowsMenu?.submenu?.find((i) => i.id === 'windows.speakerOnDisplay')?.submenu?.map((i) => i.label);
    };
    expect(pickerLabels()).toEqual(['Display 1: Built-in Retina Display (1440×900, main screen)', 'Display 2: EPSON PJ (1920×1080)']);

    // The app waits for a burst of display events to settle, then places the windows.
    screen.unplug(PROJECTOR.id);
    await vi.waitFor(() => expect(pickerLabels()).toHaveLength(1));
    await settleFullScreen();
    expect(windowOf('speaker').isFullScreen()).toBe(false);

    screen.plug(PROJECTOR);
    await vi.waitFor(() => expect(pickerLabels()).toHaveLength(2));
    await settleFullScreen();
    expect(windowOf('speaker').isFullScreen()).toBe(true);
    expect(windowOf('speaker').getBounds()).toEqual(PROJECTOR.bounds);
  });

  it('a task bar, dock or menu bar that hides (work area only) moves no window; a resolution change does, once per burst', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const shell = await startShell();
    shell.menuActions.speakerOn(PROJECTOR.id);
    await settleFullScreen();
    const speaker = windowOf('speaker');
    const relocate = vi.spyOn(shell.windows, 'relocate');
    // What the window manager reports of a full-screen window is not always where it is (Wayland:
    // nothing at all); the app must not act on that at every dock animation.
    speaker.bounds = { x: 0, y: 0, width: 1920, height: 1080 };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const height of [900, 860, 900, 860]) screen.change(LAPTOP.id, { workArea: { x: 0, y: 40, width: 1440, height: height - 40 } }, ['workArea']);
      vi.advanceTimersByTime(5_000);
      expect(relocate).not.toHaveBeenCalled();
      expect(speaker.fullscreenRequests).toEqual([]);

      const wide = display(PROJECTOR.id, PROJECTOR.label, 1440, 2560, 1440);
      screen.change(PROJECTOR.id, { bounds: wide.bounds, workArea: wide.workArea }, ['bounds', 'workArea']);
      screen.change(PROJECTOR.id, { scaleFactor: 2 }, ['scaleFactor']);
      screen.change(PROJECTOR.id, { bounds: wide.bounds }, ['bounds']);
      vi.advanceTimersByTime(5_000);
      expect(relocate).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the speaker monitor keeps the screen awake', () => {
  it('holds a display-sleep blocker while it is open, and only it', () => {
    const windows = shellWindows();
    windows.open('moderator');
    windows.open('booth');
    expect(powerSaveBlocker.start).not.toHaveBeenCalled();
    windows.open('speaker');
    expect(powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    const id = powerSaveBlocker.start.mock.results[0]?.value as number;
    expect(powerSaveBlocker.isStarted(id)).toBe(true);
    windowOf('speaker').close();
    expect(powerSaveBlocker.isStarted(id)).toBe(false);
    windows.open('speaker');
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(2);
  });
});

describe('full screen as the window managers do it (asynchronous, moves dropped while full screen)', () => {
  const CONFIDENCE = display(3, 'Confidence monitor', 3360);

  it('X11/Windows: moves a full-screen speaker monitor to another display only once it has left full screen, and ends full screen there', async () => {
    screen.displays = [LAPTOP, PROJECTOR, CONFIDENCE];
    const windows = shellWindows(memorySettings(), undefined, 'linux');
    windows.speakerOn(PROJECTOR.id);
    await settleFullScreen();
    const win = windowOf('speaker');
    expect(win.getBounds()).toEqual(PROJECTOR.bounds);

    windows.speakerOn(CONFIDENCE.id);
    await settleFullScreen();
    expect(win.isFullScreen()).toBe(true);
    expect(win.getBounds()).toEqual(CONFIDENCE.bounds);
    expect(win.ignoredMoves).toBe(0);
  });

  it('two display changes while it is still leaving full screen: it goes where the newest says, once', async () => {
    screen.displays = [LAPTOP, PROJECTOR, CONFIDENCE];
    const windows = shellWindows(memorySettings(), undefined, 'win32');
    windows.speakerOn(PROJECTOR.id);
    await settleFullScreen();
    const win = windowOf('speaker');
    screen.unplug(PROJECTOR.id);
    windows.relocate();
    windows.relocate();
    await settleFullScreen();
    expect(win.isFullScreen()).toBe(false);
    expect(win.getBounds()).toEqual({ x: 80, y: 110, width: 1280, height: 720 });
    expect(win.fullscreenRequests).toEqual([false]); // created full screen; left once
  });

  it('macOS: the speaker monitor goes full screen in place (simple full screen), never into a Space of its own', async () => {
    screen.displays = [LAPTOP, PROJECTOR, CONFIDENCE];
    const changes = vi.fn();
    const settings = memorySettings();
    const windows = shellWindows(settings, changes, 'darwin');
    windows.speakerOn(PROJECTOR.id);
    const win = windowOf('speaker');
    expect(win.options['simpleFullscreen']).toBe(true);
    expect(win.isSimpleFullScreen()).toBe(true);
    expect(win.getBounds()).toEqual(PROJECTOR.bounds);
    expect(windows.isSpeakerFullscreen()).toBe(true);

    windows.speakerOn(CONFIDENCE.id);
    expect(win.getBounds()).toEqual(CONFIDENCE.bounds);
    windows.toggleSpeakerFullscreen();
    expect(win.isSimpleFullScreen()).toBe(false);
    expect(changes).toHaveBeenCalled();
    await settleFullScreen();
    expect(win.fullscreenRequests).toEqual([]); // native full screen never asked for
    windows.saveAll();
    expect((settings.get(PLACEMENTS_KEY) as Record<string, Placement>)['speaker']).toMatchObject({ displayId: CONFIDENCE.id, fullscreen: false });

    // Opened again where it was full screen: in place again.
    windows.toggleSpeakerFullscreen();
    win.close();
    windows.open('speaker');
    expect(windowOf('speaker').isSimpleFullScreen()).toBe(true);
    expect(windowOf('speaker').options['fullscreen']).toBe(false);
  });

  it('the other windows on macOS keep native full screen (the user\'s own choice, with the green button)', () => {
    shellWindows(memorySettings(), undefined, 'darwin').open('booth');
    expect(windowOf('booth').options['simpleFullscreen']).toBeUndefined();
  });

  it.each(['linux', 'darwin'] as const)('%s: Esc on the speaker monitor leaves full screen; Esc elsewhere is the page\'s', async (platform) => {
    screen.displays = [LAPTOP, PROJECTOR];
    const windows = shellWindows(memorySettings(), undefined, platform);
    windows.speakerOn(PROJECTOR.id);
    windows.open('booth');
    await settleFullScreen();
    expect(windows.isSpeakerFullscreen()).toBe(true);
    windowOf('booth').press({ key: 'Escape' });
    await settleFullScreen();
    expect(windows.isSpeakerFullscreen()).toBe(true);
    windowOf('speaker').press({ key: 'Escape' });
    await settleFullScreen();
    expect(windows.isSpeakerFullscreen()).toBe(false);
    expect(windowOf('speaker').getBounds()).toEqual(fullscreenOn(PROJECTOR, { width: 1280, height: 720 }).bounds);
  });
});
