import type { Session, WebContents, WebPreferences } from 'electron';

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

/**
 * Hardens one WebContents: no navigation away from the local server (links, redirects, frames,
 * drag-and-drop), no new windows, no <webview>. Applied to every WebContents the app creates.
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
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Hardens the session the windows use: every permission request and check is refused (the views
 * need none), and requests that leave the local server are cancelled.
 */
export function hardenSession(session: Session, appOrigin: () => string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const origin = appOrigin();
    // DevTools (unpackaged builds only) load from devtools://; everything else must be ours.
    const ok = details.url.startsWith('devtools://') || (origin !== null && isAppRequest(details.url, origin));
    callback({ cancel: !ok });
  });
}
