// A stand-in for the 'electron' module, for the shell tests (Electron itself cannot run on the
// build machines). tests/electron/shell/mock-electron.setup.ts installs it with vi.mock('electron')
// for every unit test file and resets it before each test. It behaves just enough like Electron
// for the main process's own logic to run: windows, displays, the lock, IPC, sessions, menus.

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

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  bounds: FakeRect;
  normalBounds: FakeRect | null = null;
  fullscreen: boolean;
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
    if (o.fullscreen) this.setFullScreen(true);
  }

  static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  static getFocusedWindow = () => null;

  loadURL = (url: string) => this.webContents.loadURL(url);
  getBounds = () => ({ ...this.bounds });
  getNormalBounds = () => ({ ...(this.normalBounds ?? this.bounds) });
  setBounds = (b: Partial<FakeRect>) => {
    if (this.fullscreen) throw new Error('setBounds on a full-screen window');
    this.bounds = { ...this.bounds, ...b };
  };
  isFullScreen = () => this.fullscreen;
  setFullScreen = (on: boolean) => {
    if (on === this.fullscreen) return;
    if (on) {
      this.normalBounds = { ...this.bounds };
      this.bounds = { ...screen.displayAt(this.bounds).bounds };
    } else {
      this.bounds = { ...(this.normalBounds ?? this.bounds) };
      this.normalBounds = null;
    }
    this.fullscreen = on;
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen');
  };
  isMaximized = () => false;
  isMinimized = () => this.minimized;
  restore = () => {
    this.minimized = false;
  };
  show = () => {
    this.visible = true;
  };
  focus = () => {
    this.focusCount++;
  };
  isDestroyed = () => this.destroyed;
  close = () => {
    this.emit('close', { preventDefault: () => {} });
    this.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) electron.app.emit('window-all-closed');
  };
  /** The user drags the window to `b` (Electron then emits moved). */
  userMoves(b: FakeRect): void {
    this.bounds = { ...b };
    this.emit('moved');
  }
}

// ---------------------------------------------------------------------------------------------
// session

export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
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
const Menu = {
  current: null as FakeMenu | null,
  buildFromTemplate: vi.fn((template: unknown[]): FakeMenu => ({ template })),
  setApplicationMenu: vi.fn((menu: FakeMenu | null) => {
    Menu.current = menu;
  }),
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
