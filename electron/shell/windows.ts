import { BrowserWindow, powerSaveBlocker, screen, type Display, type IpcMainEvent } from 'electron';
import { VIEW_ROLE, type View } from '../../shared/contract/http';
import type { PreloadAnswer, PreloadRequest } from '../../shared/contract/preload-api';
import type { Role } from '../../shared/contract/roles';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import type { SettingsStore } from '../persistence/state-store';
import type { Tokens } from '../server/tokens';
import {
  displayContaining,
  findDisplay,
  fullscreenOn,
  parsePlacement,
  placeWindow,
  type Placement,
  type PlacementDecision,
  type ScreenDisplay,
} from './displays';
import { isAppUrl } from './security';
import { exchangePreferences } from './view-preferences';
import { WINDOW_DEFAULTS, windowOptions } from './window-options';

/** settings.json key of the remembered placements, one per view and room. */
export const PLACEMENTS_KEY = 'windows';

/**
 * Where a window's placement is kept in `windows`: the view's name for the `main` room (the key
 * settings from before rooms already use), `<room>/<view>` for another room (a room id has no `/`).
 */
export const placementKey = (view: View, room: string = MAIN_ROOM): string => (room === MAIN_ROOM ? view : `${room}/${view}`);

/** The page a room's window loads: today's `/<view>` for `main`, `/r/<room>/<view>` for another room. */
export const viewPath = (view: View, room: string = MAIN_ROOM): string => (room === MAIN_ROOM ? `/${view}` : `/r/${room}/${view}`);
/** Moves and resizes are saved once they settle (Linux reports every step of a drag). */
const SAVE_DELAY_MS = 500;

export interface ShellWindowsOptions {
  /** The local server, e.g. http://127.0.0.1:4848: windows load `${serverUrl}/${view}`. */
  serverUrl: string;
  tokens: Tokens;
  /** A room's own tokens (rooms other than `main`); undefined when there is no such room. */
  roomTokens?: (room: string) => Tokens | undefined;
  preloadPath: string;
  iconPath?: string;
  settings: SettingsStore;
  platform?: NodeJS.Platform;
  /** A window opened or closed, or went in or out of full screen (the menu shows that). */
  onChange?: () => void;
}

interface Managed {
  view: View;
  room: string;
  /** placementKey(view, room): also its key among the open windows. */
  key: string;
  win: BrowserWindow;
  /** Captured at creation: a destroyed window's webContents can no longer be asked. */
  contentsId: number;
  /** Its remembered display is not connected, so it stands in on the primary display; its moves are not remembered. */
  displaced: boolean;
  powerBlockerId: number | null;
  saveTimer: ReturnType<typeof setTimeout> | null;
  /** Where the window goes once it has left full screen (apply() waits for that). */
  pendingPlacement: PlacementDecision | null;
  /** It asked to leave full screen and waits for leave-full-screen to move. */
  leaving: boolean;
}

export const toScreenDisplay = (d: Display): ScreenDisplay => ({
  id: d.id,
  label: d.label ?? '',
  bounds: { ...d.bounds },
  workArea: { ...d.workArea },
});

/**
 * The three role windows: at most one each, placed where they were, told who they are through
 * the preload (never the URL), kept on connected displays, and the speaker monitor keeping the
 * screen awake while it is open.
 */
export class ShellWindows {
  /** By placementKey: one window per view and room. */
  private readonly managed = new Map<string, Managed>();
  private readonly origin: string;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly o: ShellWindowsOptions) {
    this.origin = new URL(o.serverUrl).origin;
    this.platform = o.platform ?? process.platform;
  }

  displays(): ScreenDisplay[] {
    return screen.getAllDisplays().map(toScreenDisplay);
  }

  primaryDisplay(): ScreenDisplay {
    return toScreenDisplay(screen.getPrimaryDisplay());
  }

  get(view: View, room: string = MAIN_ROOM): BrowserWindow | undefined {
    return this.managed.get(placementKey(view, room))?.win;
  }

  isOpen(view: View, room: string = MAIN_ROOM): boolean {
    return this.managed.has(placementKey(view, room));
  }

  /** Any window of any room is open. */
  hasWindows(): boolean {
    return this.managed.size > 0;
  }

  isSpeakerFullscreen(room: string = MAIN_ROOM): boolean {
    const m = this.managed.get(placementKey('speaker', room));
    return m ? this.isFull(m) : false;
  }

  /** Opens the view's window for a room (`main` unless named), or brings it to the front when it is open. */
  open(view: View, room: string = MAIN_ROOM): BrowserWindow {
    const key = placementKey(view, room);
    const existing = this.managed.get(key);
    if (existing) {
      if (existing.win.isMinimized()) existing.win.restore();
      existing.win.show();
      existing.win.focus();
      return existing.win;
    }
    const decision = placeWindow(this.placement(view, room), this.displays(), this.primaryDisplay(), WINDOW_DEFAULTS[view]);
    const simple = this.simpleFullscreen(view);
    const win = new BrowserWindow(windowOptions(view, this.o.preloadPath, decision, this.o.iconPath, simple));
    const m: Managed = {
      view,
      room,
      key,
      win,
      contentsId: win.webContents.id,
      displaced: decision.fellBack,
      powerBlockerId: view === 'speaker' ? powerSaveBlocker.start('prevent-display-sleep') : null,
      saveTimer: null,
      pendingPlacement: null,
      leaving: false,
    };
    this.managed.set(key, m);
    if (simple && decision.fullscreen) win.setSimpleFullScreen(true);

    win.once('ready-to-show', () => win.show());
    const later = () => this.saveLater(m);
    win.on('moved', later);
    win.on('resized', later);
    const fullscreenChanged = () => {
      this.saveLater(m);
      this.o.onChange?.();
    };
    win.on('enter-full-screen', fullscreenChanged);
    win.on('leave-full-screen', fullscreenChanged);
    if (view === 'speaker') {
      // Esc leaves full screen, whichever way the monitor got there (menu, picker, page).
      win.webContents.on('before-input-event', (_event, input) => {
        if (input.type === 'keyDown' && input.key === 'Escape' && this.isFull(m)) this.setFull(m, false);
      });
    }
    win.on('close', () => this.saveNow(m));
    win.on('closed', () => {
      if (m.saveTimer) clearTimeout(m.saveTimer);
      if (m.powerBlockerId !== null && powerSaveBlocker.isStarted(m.powerBlockerId)) powerSaveBlocker.stop(m.powerBlockerId);
      this.managed.delete(key);
      this.o.onChange?.();
    });

    // The view's page, without a token: the preload hands the token over.
    win.loadURL(`${this.origin}${viewPath(view, room)}`).catch((error: unknown) => {
      console.error(`Rostrum: the ${key} window could not load: ${(error as Error).message}`);
    });
    this.o.onChange?.();
    return win;
  }

  /**
   * The answer to a preload's request (PRELOAD_INFO_CHANNEL): the window's PreloadApi and the
   * views' preferences, or null unless the request comes from the top frame of one of these
   * windows showing the local server (only those may report preferences, too).
   */
  preloadInfo(event: Pick<IpcMainEvent, 'sender' | 'senderFrame'>, request: PreloadRequest | null = null): PreloadAnswer | null {
    const m = [...this.managed.values()].find((w) => w.contentsId === event.sender.id);
    const frame = event.senderFrame;
    if (!m || !frame || frame.parent !== null || !isAppUrl(frame.url, this.origin)) return null;
    const role = VIEW_ROLE[m.view];
    const tokens = m.room === MAIN_ROOM ? this.o.tokens : this.o.roomTokens?.(m.room);
    if (!tokens) return null;
    return { serverUrl: this.origin, role, token: tokens[role], preferences: exchangePreferences(this.o.settings, request) };
  }

  /**
   * After a role's token was rotated from the console: its windows load again, and their preload
   * hands over the new token (a page that kept the old one would only say its link is not valid).
   * `main`'s tokens are the venue's; another room's are its own.
   */
  reloadRole(role: Role, room: string = MAIN_ROOM): void {
    for (const m of this.managed.values()) if (m.room === room && VIEW_ROLE[m.view] === role) m.win.webContents.reload();
  }

  /** A room was removed: its windows close (their page would only say the room is not found). */
  closeRoom(room: string): void {
    for (const m of [...this.managed.values()]) if (m.room === room && !m.win.isDestroyed()) m.win.close();
  }

  /** The display picker: a room's speaker monitor, full screen on that display, remembered there for that room. */
  speakerOn(displayId: number, room: string = MAIN_ROOM): void {
    const display = this.displays().find((d) => d.id === displayId);
    if (!display) return;
    const placement = fullscreenOn(display, WINDOW_DEFAULTS.speaker);
    this.savePlacement(placementKey('speaker', room), placement);
    const m = this.managed.get(placementKey('speaker', room));
    if (!m) {
      this.open('speaker', room);
      return;
    }
    m.displaced = false;
    const already = this.isFull(m) && displayContaining(m.win.getBounds(), this.displays(), this.primaryDisplay()).id === display.id;
    if (!already) this.apply(m, { display, bounds: placement.bounds, fullscreen: true, fellBack: false });
    m.win.show();
  }

  toggleSpeakerFullscreen(room: string = MAIN_ROOM): void {
    const m = this.managed.get(placementKey('speaker', room));
    if (m) this.setFull(m, !this.isFull(m));
  }

  /**
   * After a display was plugged in, unplugged or changed: every window goes where its placement
   * says with the displays now present — back onto its own display when that returned, onto the
   * primary one when it has gone.
   */
  relocate(): void {
    const displays = this.displays();
    const primary = this.primaryDisplay();
    for (const m of this.managed.values()) {
      const saved = this.placement(m.view, m.room);
      if (m.saveTimer) {
        clearTimeout(m.saveTimer);
        m.saveTimer = null;
        // A move the user just made is kept; but when the window's own display vanished, the
        // pending move is where the system pushed it, and must not become its place.
        if (!m.displaced && (!saved || findDisplay(displays, saved))) this.saveNow(m);
      }
      const decision = placeWindow(this.placement(m.view, m.room), displays, primary, WINDOW_DEFAULTS[m.view]);
      m.displaced = decision.fellBack;
      const current = displayContaining(m.win.getBounds(), displays, primary);
      if (current.id !== decision.display.id || this.isFull(m) !== decision.fullscreen) this.apply(m, decision);
    }
  }

  /** Saves every open window's placement (on quit). */
  saveAll(): void {
    for (const m of this.managed.values()) this.saveNow(m);
  }

  /** The remembered placement of a room's view (`main` unless named), if any (and readable). */
  placement(view: View, room: string = MAIN_ROOM): Placement | undefined {
    return parsePlacement(this.o.settings.get(PLACEMENTS_KEY)[placementKey(view, room)]);
  }

  /** Keeps one window's placement; the others' (every view's and room's) stay as they are. */
  private savePlacement(key: string, placement: Placement): void {
    const all = this.o.settings.get(PLACEMENTS_KEY);
    this.o.settings.set(PLACEMENTS_KEY, { ...all, [key]: placement });
  }

  private saveLater(m: Managed): void {
    if (m.saveTimer) clearTimeout(m.saveTimer);
    m.saveTimer = setTimeout(() => this.saveNow(m), SAVE_DELAY_MS);
  }

  private saveNow(m: Managed): void {
    if (m.saveTimer) clearTimeout(m.saveTimer);
    m.saveTimer = null;
    if (m.displaced || m.win.isDestroyed()) return;
    const fullscreen = this.isFull(m);
    const bounds = fullscreen || m.win.isMaximized() ? m.win.getNormalBounds() : m.win.getBounds();
    const display = displayContaining(fullscreen ? m.win.getBounds() : bounds, this.displays(), this.primaryDisplay());
    this.savePlacement(m.key, { displayId: display.id, displayLabel: display.label, bounds, fullscreen });
  }

  /**
   * macOS: the speaker monitor goes full screen in place (simple full screen). Native full screen
   * would open a Space of its own, and with "Displays have separate Spaces" off that blanks every
   * other display — the moderator's included.
   */
  private simpleFullscreen(view: View): boolean {
    return this.platform === 'darwin' && view === 'speaker';
  }

  private isFull(m: Managed): boolean {
    return this.simpleFullscreen(m.view) ? m.win.isSimpleFullScreen() : m.win.isFullScreen();
  }

  private setFull(m: Managed, on: boolean): void {
    if (!this.simpleFullscreen(m.view)) {
      m.win.setFullScreen(on);
      return;
    }
    // Simple full screen is immediate and sends no enter/leave events.
    m.win.setSimpleFullScreen(on);
    this.saveLater(m);
    this.o.onChange?.();
  }

  /**
   * Moves a window to its decided place. A full-screen window leaves full screen first, and is
   * moved only once it has: on every platform that happens later (macOS animates it, X11 waits
   * for the window manager), and a move asked for before is dropped.
   */
  private apply(m: Managed, decision: PlacementDecision): void {
    m.pendingPlacement = decision;
    if (!this.isFull(m)) {
      this.move(m);
      return;
    }
    if (this.simpleFullscreen(m.view)) {
      m.win.setSimpleFullScreen(false);
      this.move(m);
      return;
    }
    // Already on its way out of full screen: the move waiting for that goes to the newest place.
    if (m.leaving) return;
    m.leaving = true;
    m.win.once('leave-full-screen', () => {
      m.leaving = false;
      this.move(m);
    });
    m.win.setFullScreen(false);
  }

  private move(m: Managed): void {
    const decision = m.pendingPlacement;
    m.pendingPlacement = null;
    if (!decision || m.win.isDestroyed()) return;
    m.win.setBounds(decision.bounds);
    if (decision.fullscreen) this.setFull(m, true);
    else if (this.simpleFullscreen(m.view)) this.o.onChange?.();
  }
}
