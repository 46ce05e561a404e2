import { describe, expect, it } from 'vitest';
import { isAppRequest, isAppUrl, isReportUrl } from '../../../electron/shell/security';
import { VIEWS } from '../../../shared/contract/http';
import { FakeBrowserWindow, FakeWebContents, openWindows, session, shell as electronShell, windowOf } from './electron-mock';
import { PRELOAD, SERVER, TOKENS, shellWindows, startShell } from './shell-helpers';

describe('window options and security settings, for every role', () => {
  it.each(VIEWS)('%s: isolated, sandboxed, no Node, web security on, our preload', (view) => {
    shellWindows().open(view);
    const [win] = FakeBrowserWindow.instances;
    expect(win?.options.webPreferences).toEqual({
      preload: PRELOAD,
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
      spellcheck: false,
      safeDialogs: true,
    });
  });

  it.each(VIEWS)('%s: loads its view from the local server, with no token in the URL or the options', (view) => {
    shellWindows().open(view);
    const win = windowOf(view);
    expect(win.webContents.loadedUrls).toEqual([`${SERVER}/${view}`]);
    const everything = JSON.stringify(win.options) + win.webContents.loadedUrls.join(' ');
    for (const token of Object.values(TOKENS)) expect(everything).not.toContain(token);
  });

  it('opens one window per role: asking again brings the open one forward', () => {
    const windows = shellWindows();
    windows.open('speaker');
    windows.open('speaker');
    expect(openWindows()).toHaveLength(1);
    expect(windowOf('speaker').focusCount).toBe(1);
  });

  it('shows a window only once it has painted, and hides the menu bar of the speaker monitor only', () => {
    const windows = shellWindows();
    for (const view of VIEWS) windows.open(view);
    for (const view of VIEWS) {
      const win = windowOf(view);
      expect(win.options).toMatchObject({ show: false, autoHideMenuBar: view === 'speaker' });
      expect(win.visible).toBe(false);
      win.emit('ready-to-show');
      expect(win.visible).toBe(true);
    }
  });
});

describe('navigation, new windows and <webview>, in every window the app opens', () => {
  it('stays on the local server: links, redirects and frames elsewhere are blocked; window.open is denied', async () => {
    const shell = await startShell();
    shell.windows.open('speaker');
    shell.windows.open('booth');
    expect(openWindows()).toHaveLength(3);
    const origin = new URL(shell.running.url).origin;
    for (const win of openWindows()) {
      const wc = win.webContents;
      expect(wc.attempt('will-navigate', `${origin}/booth`)).toBe(false);
      expect(wc.attempt('will-navigate', 'https://example.com/')).toBe(true);
      expect(wc.attempt('will-navigate', `http://127.0.0.1:${shell.running.port + 1}/moderator`)).toBe(true);
      expect(wc.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(wc.attempt('will-frame-navigate', 'https://example.com/frame')).toBe(true);
      expect(wc.attempt('will-redirect', 'https://example.com/')).toBe(true);
      expect(wc.attempt('will-redirect', `${origin}/moderator`)).toBe(false);
      expect(wc.attempt('will-attach-webview', `${origin}/moderator`)).toBe(true);
      expect(wc.windowOpenHandler?.({ url: `${origin}/speaker` })).toEqual({ action: 'deny' });
      expect(wc.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    }
    expect(electronShell.openExternal).not.toHaveBeenCalled();
  });

  it('opens the app\'s own report links (target="_blank") in the system browser, and nothing else', async () => {
    const shell = await startShell();
    const origin = new URL(shell.running.url).origin;
    const wc = windowOf('moderator').webContents;
    const report = `${origin}/api/v1/report?format=html&token=${TOKENS.view}&lang=zh`;
    expect(wc.windowOpenHandler?.({ url: report })).toEqual({ action: 'deny' });
    expect(electronShell.openExternal).toHaveBeenCalledExactlyOnceWith(report);
    for (const url of [
      `${origin}/api/v1/reports`,
      `${origin}/api/v1/report/../tokens/rotate`,
      `${origin}/api/v1/state`,
      `${origin}/moderator`,
      `http://127.0.0.1:${shell.running.port + 1}/api/v1/report?format=html`,
      'https://example.com/api/v1/report',
      'file:///api/v1/report',
    ]) {
      expect(wc.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electronShell.openExternal).toHaveBeenCalledTimes(1);
    expect(isReportUrl(`${origin}/api/v1/report`, origin)).toBe(true);
    expect(isReportUrl(`http://user:pw@${new URL(origin).host}/api/v1/report`, origin)).toBe(false);
  });

  it('hardens WebContents the app did not create itself (DevTools, anything else) as well', async () => {
    await startShell();
    const stray = new FakeWebContents();
    const { app } = await import('./electron-mock');
    app.emit('web-contents-created', {}, stray);
    expect(stray.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(stray.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('tells app URLs from look-alikes', () => {
    const origin = 'http://127.0.0.1:4848';
    expect(isAppUrl('http://127.0.0.1:4848/moderator?x=1#y', origin)).toBe(true);
    for (const url of [
      'http://127.0.0.1:4848.evil.example/',
      'http://127.0.0.1:48480/',
      'https://127.0.0.1:4848/',
      'http://localhost:4848/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAppUrl(url, origin), url).toBe(false);
    }
  });
});

describe('the session of the windows', () => {
  const permissions = ['media', 'notifications', 'fullscreen', 'openExternal', 'geolocation', 'clipboard-read', 'screen-wake-lock'];

  it('refuses every permission request and check, and every device — but full screen for the app\'s own pages', async () => {
    const shell = await startShell();
    const origin = new URL(shell.running.url).origin;
    const s = session.defaultSession;
    const wc = openWindows()[0]?.webContents;
    const request = (permission: string, requestingUrl: string) => {
      const answers: boolean[] = [];
      s.permissionRequestHandler?.(wc, permission, (granted) => answers.push(granted), { requestingUrl });
      return answers;
    };
    for (const permission of permissions.filter((p) => p !== 'fullscreen')) {
      expect(request(permission, `${origin}/speaker`), permission).toEqual([false]);
      expect(s.permissionCheckHandler?.(wc, permission, origin, {}), permission).toBe(false);
    }
    // Without it, the speaker monitor's requestFullscreen() (F key, double-click) never settles.
    expect(request('fullscreen', `${origin}/speaker`)).toEqual([true]);
    expect(s.permissionCheckHandler?.(wc, 'fullscreen', origin, {})).toBe(true);
    for (const elsewhere of ['https://example.com/', `http://127.0.0.1:${shell.running.port + 1}/speaker`, 'file:///tmp/x.html']) {
      expect(request('fullscreen', elsewhere), elsewhere).toEqual([false]);
      expect(s.permissionCheckHandler?.(wc, 'fullscreen', new URL(elsewhere).origin, {}), elsewhere).toBe(false);
    }
    expect(s.devicePermissionHandler?.({ deviceType: 'usb', origin: SERVER })).toBe(false);
  });

  it('lets requests reach the local server only (pages, API, socket.io over ws://)', async () => {
    const shell = await startShell();
    const { host } = new URL(shell.running.url);
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      session.defaultSession.beforeRequest?.({ url }, (r) => (answer = r.cancel));
      return answer;
    };
    expect(cancelled(`http://${host}/assets/app.js`)).toBe(false);
    expect(cancelled(`ws://${host}/socket.io/?EIO=4&transport=websocket`)).toBe(false);
    expect(cancelled(`http://${host}/api/v1/health`)).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://fonts.googleapis.com/css')).toBe(true);
    expect(cancelled('ws://example.com/socket.io/')).toBe(true);
    expect(cancelled(`http://127.0.0.1:${shell.running.port + 1}/`)).toBe(true);
    expect(isAppRequest('wss://127.0.0.1:4848/', 'http://127.0.0.1:4848')).toBe(false);
  });
});
