import { shell, type OnBeforeRequestListenerDetails, type Session, type WebContents, type WebPreferences } from 'electron';
import { API_PREFIX } from '../../shared/contract/http';

/**
 * The web preferences of every Rostrum window, whatever its role. Written out in full (most are
 * Electron's defaults) so a change of default, or of this file, shows in the shell tests.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Spell-checking would download dictionaries from a Google server; nothing leaves the machine.
    spellcheck: false,
    safeDialogs: true,
  };
}

/** True for URLs on the app's own server (same scheme, host and port), the only place windows may show. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

/**
 * True for a request the views may make: to the app's server (pages, assets, the API, and
 * socket.io, whose WebSocket is ws:// to the same host and port), or data:/blob: URLs (the CSP
 * says which of those each kind of content may use).
 */
export function isAppRequest(url: string, appOrigin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol === 'ws:' ? 'http:' : parsed.protocol === 'wss:' ? 'https:' : parsed.protocol;
  return `${scheme}//${parsed.host}` === appOrigin;
}

/** The timing report's route: the one page of the app a link may open in the system browser. */
export const REPORT_PATH = `${API_PREFIX}/report`;

/** True for the app's own report (any format), the only URL a new window may open — in the system browser. */
export function isReportUrl(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === appOrigin && parsed.pathname === REPORT_PATH && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Hardens one WebContents: no navigation away from the local server (links, redirects, frames,
 * drag-and-drop), no new windows, no <webview>. Applied to every WebContents the app creates.
 * A link to the app's own timing report (target="_blank") opens in the system browser instead:
 * it carries only the read-only view token, and a report is read, printed or saved there.
 */
export function hardenWebContents(contents: WebContents, appOrigin: () => string | null): void {
  const allowed = (url: string) => {
    const origin = appOrigin();
    return origin !== null && isAppUrl(url, origin);
  };
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const origin = appOrigin();
    if (origin !== null && isReportUrl(url, origin)) {
      shell.openExternal(url).catch((error: unknown) => console.error(`Rostrum: could not open the report in the browser: ${(error as Error).message}`));
    }
    return { action: 'deny' };
  });
}

/** Permissions the views may have: full screen (the speaker monitor's F key and double-click), from the app's own pages only. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

const grants = (permission: string, requestingUrl: string | undefined, origin: string | null) =>
  GRANTED_PERMISSIONS.has(permission) && origin !== null && requestingUrl !== undefined && isAppUrl(requestingUrl, origin);

/**
 * Hardens the session the windows use: every permission request and check is refused but full
 * screen for the app's own pages (without it, requestFullscreen() never settles), and requests
 * that leave the local server are cancelled. `observe` sees each request let through.
 */
export function hardenSession(session: Session, appOrigin: () => string | null, observe?: (details: OnBeforeRequestListenerDetails) => void): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(grants(permission, details.requestingUrl ?? contents?.getURL(), appOrigin()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => grants(permission, requestingOrigin, appOrigin()));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const origin = appOrigin();
    // DevTools (unpackaged builds only) load from devtools://; everything else must be ours.
    const ok = details.url.startsWith('devtools://') || (origin !== null && isAppRequest(details.url, origin));
    if (ok) observe?.(details);
    callback({ cancel: !ok });
  });
}
