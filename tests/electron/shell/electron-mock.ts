// A stand-in for the 'electron' module, for the shell tests (Electron itself cannot run on the
// build machines). tests/electron/shell/mock-electron.setup.ts installs it with vi.mock('electron')
// for every unit test file and resets it before each test. It behaves just enough like Electron
// for the main process's own logic to run: windows, displays, the lock, IPC, sessions, menus —
// and as Electron does where bugs hide in the difference (docs/desktop.md): setFullScreen takes
// effect later, with enter-/leave-full-screen, and a full-screen window drops moves (X11, Windows,
// macOS alike); display-metrics-changed carries changedMetrics; show() and focus() move the focus;
// a key reaches before-input-event, then the page, and only then the menu's accelerators.

import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  label: string;
  bounds: FakeRect;
  workArea: FakeRect;
  scaleFactor: number;
}

export const display = (id: number, label: string, x: number, width = 1920, height = 1080): FakeDisplay => ({
  id,
  label,
  bounds: { x, y: 0, width, height },
  // A 40 px task bar / menu bar at the top.
  workArea: { x, y: 40, width, height: height - 40 },
  scaleFactor: 1,
});

export const LAPTOP = display(1, 'Built-in Retina Display', 0, 1440, 900);
export const PROJECTOR = display(2, 'EPSON PJ', 1440, 1920, 1080);

// ---------------------------------------------------------------------------------------------
// app

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** What requestSingleInstanceLock answers. */
  lockAvailable = true;
  languages = ['en-US'];
  userData = '';
  requestSingleInstanceLock = vi.fn(() => this.lockAvailable);
  quit = vi.fn();
  exit = vi.fn();
  relaunch = vi.fn((_options?: { args?: string[]; execPath?: string }) => {});
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((_name: string) => (this.userData ||= mkdtempSync(join(tmpdir(), 'rostrum-userdata-'))));
  getVersion = vi.fn(() => '0.1.0');
  getLocale = vi.fn(() => this.languages[0] ?? 'en-US');
  getPreferredSystemLanguages = vi.fn(() => [...this.languages]);
}

// ---------------------------------------------------------------------------------------------
// screen

class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [LAPTOP];
  primaryId = LAPTOP.id;
  getAllDisplays = () => this.displays.map((d) => structuredClone(d));
  getPrimaryDisplay = () => structuredClone(this.displays.find((d) => d.id === this.primaryId) ?? this.displays[0]!);

  /** A monitor is plugged in: Electron emits display-added. */
  plug(d: FakeDisplay): void {
    this.displays = [...this.displays, d];
    this.emit('display-added', {}, structuredClone(d));
  }

  /** A monitor is unplugged: Electron emits display-removed. */
  unplug(id: number): void {
    const gone = this.displays.find((d) => d.id === id);
    this.displays = this.displays.filter((d) => d.id !== id);
    this.emit('display-removed', {}, gone);
  }

  /**
   * A display changed (resolution, scale, rotation, or only its work area when a task bar, dock or
   * menu bar hides): Electron emits display-metrics-changed with what changed.
   */
  change(id: number, update: Partial<Pick<FakeDisplay, 'bounds' | 'workArea' | 'scaleFactor'>>, changedMetrics: ('bounds' | 'workArea' | 'scaleFactor' | 'rotation')[]): void {
    this.displays = this.displays.map((d) => (d.id === id ? { ...d, ...structuredClone(update) } : d));
    this.emit('display-metrics-changed', {}, structuredClone(this.displays.find((d) => d.id === id)), changedMetrics);
  }

  /** The display whose bounds hold the centre of `r` (the primary one otherwise). */
  displayAt(r: FakeRect): FakeDisplay {
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    return (
      this.displays.find((d) => cx >= d.bounds.x && cx < d.bounds.x + d.bounds.width && cy >= d.bounds.y && cy < d.bounds.y + d.bounds.height) ??
      this.getPrimaryDisplay()
    );
  }
}

// ---------------------------------------------------------------------------------------------
// webContents, BrowserWindow

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 100;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = new FakeWebFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  loadedUrls: string[] = [];
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  };
  loadURL = async (url: string) => {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
  };
  getURL = () => this.mainFrame.url;
  reloads = 0;
  reload = () => {
    this.reloads += 1;
  };

  /** Fires a navigation-like event the way Electron does; true when a handler prevented it. */
  attempt(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    const e = { url, preventDefault: () => (prevented = true) };
    this.emit(event, e, url);
    return prevented;
  }
}

/** What Electron hands to before-input-event listeners. */
export interface FakeInput {
  type: 'keyDown' | 'keyUp';
  key: string;
  code?: string;
  control?: boolean;
  meta?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** Full-screen changes waiting for the window manager, on every platform (see setFullScreen). */
const transitions = new Set<() => void>();

/** Lets every pending full-screen transition finish, and those they start in turn. */
export async function settleFullScreen(): Promise<void> {
  for (let rounds = 0; transitions.size > 0 && rounds < 20; rounds++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (transitions.size > 0) throw new Error('full-screen transitions never settled');
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  readonly webContents = new FakeWebContents();
  bounds: FakeRect;
  normalBounds: FakeRect | null = null;
  fullscreen: boolean;
  /** A full-screen change asked for and not yet done by the window manager. */
  pendingFullscreen: boolean | null = null;
  simpleFullscreen = false;
  /** Moves the window manager dropped (asked while the window was full screen). */
  ignoredMoves = 0;
  /** Every setFullScreen call, in order. */
  fullscreenRequests: boolean[] = [];
  destroyed = false;
  visible = false;
  minimized = false;
  focusCount = 0;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    const o = options as Partial<FakeRect> & { fullscreen?: boolean };
    this.bounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
    this.fullscreen = false;
    FakeBrowserWindow.instances.push(this);
    electron.app.emit('web-contents-created', {}, this.webContents);
    // Created full screen: the window is not shown yet, it starts out that way.
    if (o.fullscreen) this.enterFullScreenNow();
  }

  static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  static getFocusedWindow = () => (FakeBrowserWindow.focused && !FakeBrowserWindow.focused.destroyed ? FakeBrowserWindow.focused : null);

  loadURL = (url: string) => this.webContents.loadURL(url);
  getBounds = () => ({ ...this.bounds });
  getNormalBounds = () => ({ ...(this.normalBounds ?? this.bounds) });
  /** As on X11 and Windows: a full-screen window is not moved (the request is dropped, silently). */
  setBounds = (b: Partial<FakeRect>) => {
    if (this.fullscreen || this.simpleFullscreen) {
      this.ignoredMoves++;
      return;
    }
    this.bounds = { ...this.bounds, ...b };
  };
  isFullScreen = () => this.fullscreen;
  /**
   * As Electron does on every platform: the window manager makes the change later (macOS animates
   * it; X11 waits for the window manager's answer), then enter-full-screen or leave-full-screen.
   * Until then isFullScreen() says what was, and a move is dropped.
   */
  setFullScreen = (on: boolean) => {
    this.fullscreenRequests.push(on);
    if (on === (this.pendingFullscreen ?? this.fullscreen)) return;
    this.pendingFullscreen = on;
    const done = () => {
      transitions.delete(done);
      if (this.destroyed || this.pendingFullscreen !== on) return;
      this.pendingFullscreen = null;
      if (on === this.fullscreen) return; // asked and taken back before the window manager acted
      if (on) this.enterFullScreenNow();
      else this.leaveFullScreenNow();
    };
    transitions.add(done);
    setImmediate(done);
  };
  /** macOS only: full screen in place, without a Space of its own; at once, with no events. */
  setSimpleFullScreen = (on: boolean) => {
    if (on === this.simpleFullscreen) return;
    if (on) {
      this.normalBounds = { ...this.bounds };
      this.bounds = { ...screen.displayAt(this.bounds).bounds };
    } else {
      this.bounds = { ...(this.normalBounds ?? this.bounds) };
      this.normalBounds = null;
    }
    this.simpleFullscreen = on;
  };
  isSimpleFullScreen = () => this.simpleFullscreen;
  isMaximized = () => false;
  isMinimized = () => this.minimized;
  restore = () => {
    this.minimized = false;
  };
  /** Shows the window and gives it focus, as Electron's show() does. */
  show = () => {
    this.visible = true;
    this.takeFocus();
  };
  focus = () => {
    this.focusCount++;
    this.takeFocus();
  };
  isDestroyed = () => this.destroyed;
  close = () => {
    this.emit('close', { preventDefault: () => {} });
    this.destroyed = true;
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) electron.app.emit('window-all-closed');
  };
  /** The user drags the window to `b` (Electron then emits moved). */
  userMoves(b: FakeRect): void {
    this.bounds = { ...b };
    this.emit('moved');
  }

  /**
   * A key pressed in this window, as Electron routes it: before-input-event first (a listener may
   * stop it), then the page (`pageHandles`: its keydown listener called preventDefault), and only
   * a key nobody stopped reaches the application menu's accelerators. True when a menu item ran.
   */
  press(input: Omit<FakeInput, 'type'>, pageHandles = false): boolean {
    this.takeFocus();
    let prevented = false;
    this.webContents.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type: 'keyDown', ...input });
    if (prevented || pageHandles) return false;
    return Menu.runAccelerator(input, this);
  }

  private takeFocus(): void {
    if (FakeBrowserWindow.focused === this) return;
    const previous = FakeBrowserWindow.focused;
    FakeBrowserWindow.focused = this;
    if (previous && !previous.destroyed) electron.app.emit('browser-window-blur', {}, previous);
    this.emit('focus');
    electron.app.emit('browser-window-focus', {}, this);
  }

  private enterFullScreenNow(): void {
    this.normalBounds = { ...this.bounds };
    this.bounds = { ...screen.displayAt(this.bounds).bounds };
    this.fullscreen = true;
    this.emit('enter-full-screen');
  }

  private leaveFullScreenNow(): void {
    this.bounds = { ...(this.normalBounds ?? this.bounds) };
    this.normalBounds = null;
    this.fullscreen = false;
    this.emit('leave-full-screen');
  }
}

// ---------------------------------------------------------------------------------------------
// session

/** The part of Electron's OnBeforeRequestListenerDetails the shell reads. */
export interface FakeRequestDetails {
  url: string;
  method?: string;
  webContentsId?: number;
  uploadData?: { bytes: Buffer }[];
}

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  beforeRequest: ((details: FakeRequestDetails, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  setPermissionRequestHandler = (h: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = h;
  };
  setPermissionCheckHandler = (h: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = h;
  };
  setDevicePermissionHandler = (h: FakeSession['devicePermissionHandler']) => {
    this.devicePermissionHandler = h;
  };
  webRequest = {
    onBeforeRequest: (h: FakeSession['beforeRequest']) => {
      this.beforeRequest = h;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The module

const app = new FakeApp();
const screen = new FakeScreen();
const ipcMain = Object.assign(new EventEmitter(), { handle: vi.fn(), removeHandler: vi.fn() });
const ipcRenderer = { sendSync: vi.fn(), send: vi.fn(), invoke: vi.fn(), on: vi.fn() };
const contextBridge = { exposeInMainWorld: vi.fn() };
const session = { defaultSession: new FakeSession() };

let nextBlocker = 1;
const startedBlockers = new Set<number>();
const powerSaveBlocker = {
  start: vi.fn((_type: string) => {
    const id = nextBlocker++;
    startedBlockers.add(id);
    return id;
  }),
  stop: vi.fn((id: number) => {
    startedBlockers.delete(id);
  }),
  isStarted: vi.fn((id: number) => startedBlockers.has(id)),
};

interface FakeMenu {
  template: unknown[];
}
interface FakeMenuItem {
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  role?: string;
  submenu?: FakeMenuItem[];
  click?: (item: unknown, win: unknown, event: unknown) => void;
}

/** An accelerator ("CommandOrControl+Shift+S") as the key press it stands for, on Linux/Windows. */
export function acceleratorMatches(accelerator: string, input: Omit<FakeInput, 'type'>): boolean {
  const parts = accelerator.toLowerCase().split('+');
  const key = parts.pop()!;
  const has = (...names: string[]) => parts.some((p) => names.includes(p));
  const ctrl = has('commandorcontrol', 'cmdorctrl', 'control', 'ctrl', 'command', 'cmd');
  const keyName = input.key.toLowerCase();
  const named: Record<string, string> = { enter: 'enter', return: 'enter', esc: 'escape', escape: 'escape', space: ' ', plus: '+' };
  return (
    Boolean(input.control || input.meta) === ctrl &&
    Boolean(input.shift) === has('shift') &&
    Boolean(input.alt) === has('alt', 'option') &&
    (named[key] ?? key) === (named[keyName] ?? keyName)
  );
}

const Menu = {
  current: null as FakeMenu | null,
  buildFromTemplate: vi.fn((template: unknown[]): FakeMenu => ({ template })),
  setApplicationMenu: vi.fn((menu: FakeMenu | null) => {
    Menu.current = menu;
  }),
  /** Runs the enabled item whose accelerator is this key press, as Electron does; true if one ran. */
  runAccelerator(input: Omit<FakeInput, 'type'>, win: FakeBrowserWindow | null): boolean {
    const items = (list: FakeMenuItem[]): FakeMenuItem[] => list.flatMap((i) => [i, ...(i.submenu ? items(i.submenu) : [])]);
    const found = items((Menu.current?.template ?? []) as FakeMenuItem[]).find(
      (i) => i.accelerator !== undefined && i.enabled !== false && i.visible !== false && acceleratorMatches(i.accelerator, input),
    );
    if (!found?.click) return false;
    found.click(found, win ?? undefined, { triggeredByAccelerator: true });
    return true;
  },
};

const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => {}),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};
const shell = { openPath: vi.fn(async () => ''), openExternal: vi.fn(async () => {}) };

export const electron = {
  app,
  screen,
  ipcMain,
  ipcRenderer,
  contextBridge,
  session,
  powerSaveBlocker,
  Menu,
  dialog,
  shell,
  BrowserWindow: FakeBrowserWindow,
};

const BrowserWindow = FakeBrowserWindow;
export { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, powerSaveBlocker, screen, session, shell };
export default electron;

/** Powers on a clean machine: one laptop screen, the lock free, no windows, no listeners. */
export function resetElectronMock(): void {
  app.removeAllListeners();
  app.isPackaged = false;
  app.lockAvailable = true;
  app.languages = ['en-US'];
  FakeBrowserWindow.focused = null;
  transitions.clear();
  app.userData = '';
  screen.removeAllListeners();
  screen.displays = [LAPTOP];
  screen.primaryId = LAPTOP.id;
  ipcMain.removeAllListeners();
  FakeBrowserWindow.instances = [];
  session.defaultSession = new FakeSession();
  startedBlockers.clear();
  Menu.current = null;
  // Only this module's own mocks: a test file's mocks are its own business.
  const fns = [
    ...Object.values(app),
    ...Object.values(ipcMain),
    ...Object.values(ipcRenderer),
    ...Object.values(contextBridge),
    ...Object.values(powerSaveBlocker),
    ...Object.values(Menu),
    ...Object.values(dialog),
    ...Object.values(shell),
  ].filter((f) => vi.isMockFunction(f));
  for (const f of fns) f.mockClear();
  dialog.showMessageBox.mockImplementation(async () => ({ response: 0, checkboxChecked: false }));
  dialog.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] }));
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true, filePath: '' }));
  ipcRenderer.sendSync.mockReset();
}

/** The windows the shell opened and has not closed. */
export const openWindows = () => FakeBrowserWindow.getAllWindows();

/** The one open window whose page is `/${view}`. */
export function windowOf(view: string): FakeBrowserWindow {
  const found = openWindows().filter((w) => new URL(w.webContents.getURL()).pathname === `/${view}`);
  if (found.length !== 1) throw new Error(`expected one ${view} window, found ${found.length}`);
  return found[0]!;
}
