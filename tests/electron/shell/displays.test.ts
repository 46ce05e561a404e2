import { describe, expect, it, vi } from 'vitest';
import { centerIn, findDisplay, fitInto, parsePlacement, placeWindow, type Placement, type ScreenDisplay } from '../../../electron/main/displays';
import { PLACEMENTS_KEY } from '../../../electron/main/windows';
import { LAPTOP, PROJECTOR, display, powerSaveBlocker, screen, windowOf, Menu } from './electron-mock';
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

  it('display picker: puts the speaker monitor full screen on the chosen display and remembers it', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.open('speaker');
    expect(windowOf('speaker').isFullScreen()).toBe(false);
    windows.speakerOn(PROJECTOR.id);
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

  it('projector unplugged: the speaker monitor comes to the primary display; plugged back: it returns, full screen', () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.speakerOn(PROJECTOR.id);

    screen.unplug(PROJECTOR.id);
    windows.relocate();
    const win = windowOf('speaker');
    expect(win.isFullScreen()).toBe(false);
    expect(win.getBounds()).toEqual({ x: 80, y: 110, width: 1280, height: 720 });

    // Moved about while standing in on the laptop: not taken as the new place.
    win.userMoves({ x: 10, y: 50, width: 1000, height: 600 });
    windows.saveAll();
    expect((settings.get(PLACEMENTS_KEY) as Record<string, Placement> | undefined)?.['speaker']?.displayId).toBe(PROJECTOR.id);

    screen.plug(PROJECTOR);
    windows.relocate();
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
    const pickerLabels = () => {
      const windowsMenu = (Menu.current?.template as { id?: string; submenu?: { id?: string; submenu?: { label: string }[] }[] }[]).find((m) => m.id === 'windows');
      return windowsMenu?.submenu?.find((i) => i.id === 'windows.speakerOnDisplay')?.submenu?.map((i) => i.label);
    };
    expect(pickerLabels()).toEqual(['Display 1: Built-in Retina Display (1440×900, main screen)', 'Display 2: EPSON PJ (1920×1080)']);

    screen.unplug(PROJECTOR.id);
    expect(windowOf('speaker').isFullScreen()).toBe(false);
    expect(pickerLabels()).toHaveLength(1);

    screen.plug(PROJECTOR);
    expect(windowOf('speaker').isFullScreen()).toBe(true);
    expect(windowOf('speaker').getBounds()).toEqual(PROJECTOR.bounds);
    expect(pickerLabels()).toHaveLength(2);
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
