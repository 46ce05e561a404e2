import { BrowserWindow, Menu, app, dialog, screen, session, shell, type OnBeforeRequestListenerDetails } from 'electron';
import { ROTATE_PATH } from '../../shared/contract/network';
import { startOptionsFromArgs } from '../app/start-options';
import { startRostrum, type RunningRostrum } from '../app/start-rostrum';
import { USAGE, parseServeArgs, type ServeArgs } from '../cli/args';
import { electronStoreSettingsStore, electronStoreStateStore } from './electron-store-adapter';
import { pickServeArgs, userArgs } from './args';
import { fileActions, type FileActions } from './file-actions';
import { registerPreloadIpc } from './ipc';
import { menuTemplate, type MenuActions } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { runSessionAction, sessionAvailability, type SessionAction } from './session-commands';
import { claimSingleInstance } from './single-instance';
import { shellLanguageFor, shellStrings, type ShellStrings } from './strings';
import { x11Relaunch } from './wayland';
import { ShellWindows } from './windows';

export interface ShellPaths {
  /** The bundled preload (one CommonJS file). */
  preload: string;
  /** The built views. */
  rendererDir: string;
  /** The window icon, where there is one (Linux, Windows). */
  icon?: string;
}

export interface RunningShell {
  running: RunningRostrum;
  windows: ShellWindows;
  strings: ShellStrings;
  dataDir: string;
  menuActions: MenuActions;
  files: FileActions;
  refreshMenu(): void;
}

/** Display changes come in bursts (a monitor plugged in: added, then its metrics): act once they settle. */
export const DISPLAY_SETTLE_MS = 300;
/** A control-token rotation this long after the desktop console asked for one is taken to be its own. */
const OWN_ROTATION_MS = 10_000;

/** The role a POST to the rotate route names, from its body as the session saw it. */
function rotatedRole(details: OnBeforeRequestListenerDetails): string | null {
  try {
    const bytes = details.uploadData?.[0]?.bytes;
    const body = bytes ? (JSON.parse(bytes.toString('utf8')) as { role?: unknown }) : null;
    return typeof body?.role === 'string' ? body.role : null;
  } catch {
    return null;
  }
}

/** Shows why the app cannot go on, then ends it. */
function fail(title: string, detail: string): null {
  console.error(`Rostrum: ${title}: ${detail}`);
  dialog.showErrorBox(title, detail);
  app.exit(1);
  return null;
}

/**
 * The desktop app: the same core as `npm run serve` (startRostrum, #2's port rules), started
 * in-process on 127.0.0.1 with the electron-store adapters, and one window per role.
 * Resolves null when this process is not the one to run (second instance, bad flags, failed start).
 */
export async function runShell(paths: ShellPaths, argv: readonly string[] = process.argv): Promise<RunningShell | null> {
  const relaunch = x11Relaunch(argv, process.env, process.platform);
  if (relaunch) {
    console.log('Rostrum: Wayland session — starting again on X11 (XWayland), where windows can be placed on a display.');
    app.relaunch(relaunch);
    app.exit(0);
    return null;
  }
  let windows: ShellWindows | null = null;
  if (!claimSingleInstance(() => windows?.open('moderator'))) return null;

  // Every WebContents is hardened as it is created (windows, DevTools), before it loads anything.
  let origin: string | null = null;
  const appOrigin = () => origin;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));

  await app.whenReady();
  const strings = shellStrings(shellLanguageFor(app.getPreferredSystemLanguages()[0] ?? app.getLocale()));
  const { t } = strings;
  // The desktop console rotating the control token takes the new one itself (its dialog stays
  // open with the new links); a rotation from anywhere else reloads it (onTokenRotated below).
  let ownControlRotationAt = -Infinity;
  const observe = (details: OnBeforeRequestListenerDetails) => {
    if (details.method !== 'POST' || origin === null || details.url !== `${origin}${ROTATE_PATH}`) return;
    const moderator = windows?.get('moderator');
    if (moderator && !moderator.isDestroyed() && details.webContentsId === moderator.webContents.id && rotatedRole(details) === 'control') {
      ownControlRotationAt = Date.now();
    }
  };
  hardenSession(session.defaultSession, appOrigin, observe);

  let args: ServeArgs;
  try {
    args = parseServeArgs(pickServeArgs(userArgs(argv, app.isPackaged)), process.env);
  } catch (error) {
    return fail(t('shell.dialog.badArguments'), `${(error as Error).message}\n\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    app.quit();
    return null;
  }

  let running: RunningRostrum;
  let dataDir: string;
  try {
    const options = await startOptionsFromArgs(args, {
      rendererDir: paths.rendererDir,
      version: app.getVersion(),
      openStateStore: electronStoreStateStore,
      openSettingsStore: electronStoreSettingsStore,
    });
    dataDir = options.dataDir;
    running = await startRostrum(options);
  } catch (error) {
    return fail(t('shell.dialog.startFailed'), (error as Error).message);
  }
  origin = new URL(running.url).origin;
  console.log(`Rostrum ready on ${running.url}`);
  console.log(`  data dir   ${dataDir}`);
  for (const notice of running.notices) console.warn(notice);

  const files = fileActions({ core: running.core, strings, parent: () => BrowserWindow.getFocusedWindow() });
  /**
   * The core of the room whose console window has the focus: the only place the Session menu acts
   * (not the booth's notes, not another room). Undefined when no console has the focus.
   */
  const focusedConsoleCore = () => {
    const focused = BrowserWindow.getFocusedWindow();
    if (focused === null || !windows) return undefined;
    const room = running.rooms.list().find((r) => windows?.get('moderator', r.id) === focused);
    return room ? running.rooms.core(room.id) : undefined;
  };
  const moderatorFocused = () => focusedConsoleCore() !== undefined;
  const menuActions: MenuActions = {
    session: (action: SessionAction) => {
      const core = focusedConsoleCore();
      if (!core) return;
      const ack = runSessionAction(core, action);
      if (ack && !ack.ok) {
        void dialog.showMessageBox({ type: 'info', message: t('shell.dialog.commandRefused'), detail: strings.error(ack.error), buttons: [t('shell.dialog.ok')] });
      }
    },
    openWindow: (view, room) => void windows?.open(view, room),
    speakerOn: (displayId, room) => windows?.speakerOn(displayId, room),
    toggleSpeakerFullscreen: () => windows?.toggleSpeakerFullscreen(),
    importAgenda: () => void files.importAgenda(),
    exportAgenda: () => void files.exportAgenda(),
    exportReport: () => void files.exportReport(),
    about: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: 'Rostrum',
        message: 'Rostrum',
        detail: t('shell.about.detail', { version: app.getVersion(), url: running.url, dataDir }),
        buttons: [t('shell.dialog.ok')],
      }),
    openDataDir: () => void shell.openPath(dataDir),
    quit: () => app.quit(),
  };

  /** The Session items' availability the menu shows now (rebuilt when it changes). */
  let availability = '';
  const refreshMenu = () => {
    if (!windows) return;
    const model = {
      strings,
      platform: process.platform,
      session: sessionAvailability((focusedConsoleCore() ?? running.core).state),
      moderatorFocused: moderatorFocused(),
      displays: windows.displays(),
      primaryDisplayId: windows.primaryDisplay().id,
      speakerOpen: windows.isOpen('speaker'),
      speakerFullscreen: windows.isSpeakerFullscreen(),
      rooms: running.rooms.list(),
    };
    availability = JSON.stringify(model.session);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(model, menuActions)));
  };

  windows = new ShellWindows({
    serverUrl: running.url,
    tokens: running.tokens,
    roomTokens: (room) => running.rooms.tokensOf(room),
    preloadPath: paths.preload,
    ...(paths.icon ? { iconPath: paths.icon } : {}),
    // The store startRostrum opened and checked: a second one would report its problems again.
    settings: running.settings,
    onChange: refreshMenu,
  });
  const shellWindows = windows;
  registerPreloadIpc((event, request) => shellWindows.preloadInfo(event, request));
  // A console that rotates its own role's token takes the new one itself (and keeps its dialog
  // open); the other roles' windows reload to fetch theirs.
  running.onTokenRotated((role) => {
    if (role === 'control' && Date.now() - ownControlRotationAt < OWN_ROTATION_MS) {
      ownControlRotationAt = -Infinity;
      return;
    }
    shellWindows.reloadRole(role);
  });
  // Another room's token rotated from its console: that room's windows of the role load again.
  running.rooms.onRotated((room, role) => {
    shellWindows.reloadRole(role, room);
    return 0;
  });
  // The Windows menu lists the rooms: rebuilt when one is added, renamed or removed; a removed room's windows close.
  running.rooms.onAdded(refreshMenu);
  running.rooms.onRenamed(refreshMenu);
  running.rooms.onRemoved((room) => {
    shellWindows.closeRoom(room.info.id);
    refreshMenu();
  });
  // Session items follow the focus: enabled in the moderator's window only.
  app.on('browser-window-focus', refreshMenu);
  app.on('browser-window-blur', refreshMenu);

  // The Session items follow the clock: rebuild the menu when what they may do changes.
  // Every room's clock counts: the Session menu follows the room whose console has the focus.
  const watchAvailability = (core: RunningRostrum['core']) =>
    core.onPatch(() => {
      if (JSON.stringify(sessionAvailability((focusedConsoleCore() ?? running.core).state)) !== availability) refreshMenu();
    });
  running.rooms.forEach((room) => watchAvailability(room.core));
  running.rooms.onAdded((room) => watchAvailability(room.core));
  let displayTimer: ReturnType<typeof setTimeout> | null = null;
  const displaysChanged = () => {
    if (displayTimer) clearTimeout(displayTimer);
    displayTimer = setTimeout(() => {
      displayTimer = null;
      shellWindows.relocate();
      refreshMenu();
    }, DISPLAY_SETTLE_MS);
  };
  screen.on('display-added', displaysChanged);
  screen.on('display-removed', displaysChanged);
  // Only a change of a display's bounds (resolution, arrangement) moves windows: a task bar, dock
  // or menu bar that auto-hides changes the work area only, and often.
  screen.on('display-metrics-changed', (_event, _display, changedMetrics: string[]) => {
    if (changedMetrics.includes('bounds')) displaysChanged();
  });

  refreshMenu();
  shellWindows.open('moderator');
  if (running.notices.length > 0) {
    void dialog.showMessageBox({ type: 'warning', message: t('shell.dialog.notices'), detail: running.notices.join('\n'), buttons: [t('shell.dialog.ok')] });
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!shellWindows.hasWindows()) shellWindows.open('moderator');
  });
  app.on('before-quit', () => shellWindows.saveAll());
  let stopped = false;
  app.on('will-quit', (event) => {
    if (displayTimer) clearTimeout(displayTimer);
    if (stopped) return;
    event.preventDefault();
    running
      .stop()
      .catch((error: unknown) => console.error(`Rostrum: could not stop cleanly: ${(error as Error).message}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  return { running, windows: shellWindows, strings, dataDir, menuActions, files, refreshMenu };
}
