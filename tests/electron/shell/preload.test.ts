import { describe, expect, it, vi } from 'vitest';
import { registerPreloadIpc } from '../../../electron/shell/ipc';
import { PREFERENCE_LIMITS, PRELOAD_GLOBAL, PRELOAD_INFO_CHANNEL, parsePreloadRequest, type PreloadApi } from '../../../shared/contract/preload-api';
import { PREFERENCES_KEY } from '../../../electron/shell/view-preferences';
import { ShellWindows } from '../../../electron/shell/windows';
import { VIEWS, VIEW_ROLE } from '../../../shared/contract/http';
import { FakeWebContents, FakeWebFrame, contextBridge, ipcMain, ipcRenderer, openWindows, session, windowOf } from './electron-mock';
import { PRELOAD, SERVER, TOKENS, memorySettings, shellWindows, startShell } from './shell-helpers';

let runs = 0;
/** Runs the preload afresh, as a new window would, with the main process answering `answer`. */
async function runPreload(answer: unknown): Promise<void> {
  ipcRenderer.sendSync.mockImplementation((channel: string) => (channel === PRELOAD_INFO_CHANNEL ? answer : undefined));
  // A query makes it a new module, evaluated again; what it imports ('electron') stays the same.
  const preload = `${new URL('../../../electron/shell/preload.ts', import.meta.url).pathname}?run=${++runs}`;
  await import(/* @vite-ignore */ preload);
}

const exposed = () => contextBridge.exposeInMainWorld.mock.calls;

describe('the preload', () => {
  it('exposes window.rostrum with exactly the server URL, the role and the token', async () => {
    await runPreload({ serverUrl: SERVER, role: 'view', token: TOKENS.view });
    expect(ipcRenderer.sendSync).toHaveBeenCalledExactlyOnceWith(PRELOAD_INFO_CHANNEL, { preferences: {}, unloading: false });
    expect(exposed()).toHaveLength(1);
    const [name, api] = exposed()[0] as [string, Record<string, unknown>];
    expect(name).toBe(PRELOAD_GLOBAL);
    expect(name).toBe('rostrum');
    expect(Object.keys(api).sort()).toEqual(['role', 'serverUrl', 'token']);
    expect(api).toEqual({ serverUrl: SERVER, role: 'view', token: TOKENS.view });
  });

  it('passes on nothing else the answer might carry', async () => {
    await runPreload({ serverUrl: SERVER, role: 'control', token: TOKENS.control, ipcRenderer, require: () => null });
    expect(Object.keys(exposed()[0]?.[1] as object).sort()).toEqual(['role', 'serverUrl', 'token']);
  });

  it.each([
    ['the main process refused (null)', null],
    ['no answer', undefined],
    ['an unknown role', { serverUrl: SERVER, role: 'admin', token: 'x'.repeat(20) }],
    ['an empty token', { serverUrl: SERVER, role: 'view', token: '' }],
  ])('exposes nothing on %s', async (_name, answer) => {
    await runPreload(answer);
    expect(exposed()).toHaveLength(0);
  });

  it('gives the renderer what renderer/app/token.ts reads: the window\'s token, with no token in the URL', async () => {
    await runPreload({ serverUrl: SERVER, role: 'view', token: TOKENS.view });
    const api = exposed()[0]?.[1] as PreloadApi;
    const storage = new Map<string, string>();
    vi.stubGlobal('window', { location: { href: `${SERVER}/speaker` }, history: { state: null, replaceState: vi.fn() }, rostrum: api });
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    try {
      // Imported by path: the node typecheck has no DOM, and this is browser code.
      const tokenModule = new URL('../../../renderer/app/token.ts', import.meta.url).pathname;
      const { takeToken } = (await import(/* @vite-ignore */ tokenModule)) as { takeToken: (view: string) => string | undefined };
      expect(takeToken('speaker')).toBe(TOKENS.view);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

/** An IPC event as Electron delivers it to ipcMain listeners. */
const ipcEvent = (sender: { id: number }, frame: FakeWebFrame | null) => ({ sender, senderFrame: frame, returnValue: undefined as unknown });

describe('the main process answers the preload of its own windows only', () => {
  it.each(VIEWS)('%s window, top frame on the local server: its role and token', (view) => {
    const windows = shellWindows();
    windows.open(view);
    const wc = windowOf(view).webContents;
    const role = VIEW_ROLE[view];
    expect(windows.preloadInfo(ipcEvent(wc, wc.mainFrame) as never)).toEqual({ serverUrl: SERVER, role, token: TOKENS[role], preferences: {} });
  });

  it('ignores senders that are not its windows, sub-frames, pages from elsewhere, and closed windows', () => {
    const windows = shellWindows();
    windows.open('moderator');
    const own = windowOf('moderator').webContents;
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = `${SERVER}/moderator`;
    const ask = (sender: { id: number }, frame: FakeWebFrame | null) => windows.preloadInfo(ipcEvent(sender, frame) as never);

    expect(ask(stranger, stranger.mainFrame)).toBeNull();
    expect(ask(own, new FakeWebFrame(`${SERVER}/moderator`, own.mainFrame))).toBeNull();
    expect(ask(own, new FakeWebFrame('https://example.com/'))).toBeNull();
    expect(ask(own, new FakeWebFrame('http://127.0.0.1:4849/moderator'))).toBeNull();
    expect(ask(own, null)).toBeNull();
    expect(ask(own, own.mainFrame)).not.toBeNull();
    windowOf('moderator').close();
    expect(ask(own, own.mainFrame)).toBeNull();
  });

  it('always answers a synchronous request (null to strangers), so no renderer hangs', () => {
    registerPreloadIpc(() => null);
    registerPreloadIpc(() => {
      throw new Error('boom');
    });
    const [refuse, broken] = ipcMain.listeners(PRELOAD_INFO_CHANNEL) as ((e: unknown) => void)[];
    const e1 = ipcEvent({ id: 1 }, null);
    refuse?.(e1);
    expect(e1.returnValue).toBeNull();
    const e2 = ipcEvent({ id: 1 }, null);
    expect(() => broken?.(e2)).toThrow('boom');
    expect(e2.returnValue).toBeNull();
  });

  it('the running app listens on the preload channel once, and on no other channel', async () => {
    const shell = await startShell();
    expect(ipcMain.eventNames()).toEqual([PRELOAD_INFO_CHANNEL]);
    const listener = ipcMain.listeners(PRELOAD_INFO_CHANNEL)[0] as (e: unknown) => void;
    const wc = windowOf('moderator').webContents;
    const mine = ipcEvent(wc, wc.mainFrame);
    listener(mine);
    expect(mine.returnValue).toEqual({ serverUrl: new URL(shell.running.url).origin, role: 'control', token: TOKENS.control, preferences: {} });
    const theirs = ipcEvent(new FakeWebContents(), wc.mainFrame);
    listener(theirs);
    expect(theirs.returnValue).toBeNull();
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('a token rotated from the console', () => {
  const rotate = (url: string, token: string, role: string) =>
    fetch(`${url}/api/v1/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    });

  it('reloads the windows of that role, whose preload then hands over the new token', async () => {
    const shell = await startShell();
    for (const view of VIEWS) shell.windows.open(view);
    const res = await rotate(shell.running.url, TOKENS.control, 'view');
    expect(res.status).toBe(200);
    const speaker = windowOf('speaker').webContents;
    expect(speaker.reloads).toBe(1);
    expect(windowOf('booth').webContents.reloads).toBe(0);
    const info = shell.windows.preloadInfo(ipcEvent(speaker, speaker.mainFrame) as never);
    expect(info?.token).not.toBe(TOKENS.view);
    expect(info?.token).toBe(shell.running.tokens.view);
  });

  it('the control token rotated from a LAN console: the desktop moderator window reloads with the new one', async () => {
    const shell = await startShell();
    // A request from outside the app's windows: the session never sees it.
    expect((await rotate(shell.running.url, TOKENS.control, 'control')).status).toBe(200);
    const moderator = windowOf('moderator').webContents;
    expect(moderator.reloads).toBe(1);
    expect(shell.windows.preloadInfo(ipcEvent(moderator, moderator.mainFrame) as never)?.token).toBe(shell.running.tokens.control);
    expect(shell.running.tokens.control).not.toBe(TOKENS.control);
  });

  it('…rotated from the desktop console itself: it keeps its page (it took the new token, its dialog shows the new links)', async () => {
    const shell = await startShell();
    const moderator = windowOf('moderator').webContents;
    const url = `${new URL(shell.running.url).origin}/api/v1/tokens/rotate`;
    // What the window's session sees of the console's own request, before it reaches the server.
    let cancelled: boolean | undefined;
    session.defaultSession.beforeRequest?.(
      { url, method: 'POST', webContentsId: moderator.id, uploadData: [{ bytes: Buffer.from(JSON.stringify({ role: 'control' })) }] },
      (r) => (cancelled = r.cancel),
    );
    expect(cancelled).toBe(false);
    expect((await rotate(shell.running.url, TOKENS.control, 'control')).status).toBe(200);
    expect(moderator.reloads).toBe(0);
    // A later rotation from elsewhere reloads it again.
    expect((await rotate(shell.running.url, shell.running.tokens.control, 'control')).status).toBe(200);
    expect(moderator.reloads).toBe(1);
  });

  it('…the desktop console rotating the booth\'s token: the booth window reloads, the console does not', async () => {
    const shell = await startShell();
    shell.windows.open('booth');
    const moderator = windowOf('moderator').webContents;
    session.defaultSession.beforeRequest?.(
      { url: `${new URL(shell.running.url).origin}/api/v1/tokens/rotate`, method: 'POST', webContentsId: moderator.id, uploadData: [{ bytes: Buffer.from('{"role":"booth"}') }] },
      () => {},
    );
    expect((await rotate(shell.running.url, TOKENS.control, 'booth')).status).toBe(200);
    expect(windowOf('booth').webContents.reloads).toBe(1);
    expect(moderator.reloads).toBe(0);
  });
});

/** A page's localStorage and its pagehide listeners, as the sandboxed preload sees them. */
function fakePage(initial: Record<string, string>) {
  const store = new Map(Object.entries(initial));
  const hide: (() => void)[] = [];
  vi.stubGlobal('localStorage', {
    get length() {
      return store.size;
    },
    key: (i: number) => [...store.keys()][i] ?? null,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => type === 'pagehide' && hide.push(listener));
  return { store, hide: () => hide.forEach((l) => l()) };
}

describe('preferences survive a port fallback (localStorage belongs to the port)', () => {
  it('the settings a window had on the old port are back on the new one, before its page runs', async () => {
    const settings = memorySettings();
    // Yesterday, on port 4848: the booth chose Chinese, named itself, turned sound off.
    const before = shellWindows(settings);
    before.open('booth');
    const booth = windowOf('booth').webContents;
    const answer = (windows: typeof before, wc: FakeWebContents, request: unknown) =>
      windows.preloadInfo(ipcEvent(wc, wc.mainFrame) as never, parsePreloadRequest(request));
    const chosen = { 'rostrum.lang.booth': 'zh', 'rostrum.booth.settings': '{"name":"Booth B","direction":"en>zh"}', 'rostrum.sound.booth': 'off' };
    answer(before, booth, { preferences: {}, unloading: false });
    answer(before, booth, { preferences: { ...chosen, 'rostrum.token.booth': 'secret', 'rostrum.cue.x': 'claim', other: 'x' }, unloading: true });
    expect(settings.get(PREFERENCES_KEY)).toEqual(chosen); // never tokens, cue claims or strangers' keys

    // Today port 4848 is taken: the windows live on another origin, whose storage is empty.
    const after = new ShellWindows({ serverUrl: 'http://127.0.0.1:50123', tokens: { ...TOKENS }, preloadPath: PRELOAD, settings, platform: 'linux' });
    after.open('booth');
    const wc = openWindows().at(-1)!.webContents;
    ipcRenderer.sendSync.mockImplementation((channel: string, request: unknown) => (channel === PRELOAD_INFO_CHANNEL ? answer(after, wc, request) : undefined));
    const page = fakePage({ 'rostrum.lang.booth': 'en' }); // one set already on this origin: it stays
    try {
      await import(/* @vite-ignore */ `${new URL('../../../electron/shell/preload.ts', import.meta.url).pathname}?run=${++runs}`);
      expect(Object.fromEntries(page.store)).toEqual({ ...chosen, 'rostrum.lang.booth': 'en' });
      // Changed on the new origin, reported as the page goes away: kept for next time.
      page.store.set('rostrum.sound.booth', 'on');
      page.store.delete('rostrum.booth.settings');
      page.hide();
      expect(settings.get(PREFERENCES_KEY)).toEqual({ 'rostrum.lang.booth': 'en', 'rostrum.sound.booth': 'on' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('takes preferences from its own windows only, within limits', () => {
    const settings = memorySettings();
    const windows = shellWindows(settings);
    windows.open('speaker');
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = `${SERVER}/speaker`;
    expect(windows.preloadInfo(ipcEvent(stranger, stranger.mainFrame) as never, parsePreloadRequest({ preferences: { 'rostrum.lang.speaker': 'zh' }, unloading: false }))).toBeNull();
    expect(settings.get(PREFERENCES_KEY)).toEqual({});
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`rostrum.x${i}`, 'v'.repeat(i === 0 ? 10_000 : 1)]));
    const wc = windowOf('speaker').webContents;
    windows.preloadInfo(ipcEvent(wc, wc.mainFrame) as never, parsePreloadRequest({ preferences: many, unloading: true }));
    const kept = settings.get(PREFERENCES_KEY);
    expect(Object.keys(kept)).toHaveLength(PREFERENCE_LIMITS.keys);
    expect(kept['rostrum.x0']).toBeUndefined();
  });
});
