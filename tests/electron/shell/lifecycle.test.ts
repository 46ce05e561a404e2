import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHELL_FLAGS, pickServeArgs, userArgs } from '../../../electron/shell/args';
import { USAGE } from '../../../electron/cli/args';
import { runShell } from '../../../electron/shell/shell';
import { x11Relaunch } from '../../../electron/shell/wayland';
import { FakeBrowserWindow, app, dialog, openWindows, windowOf } from './electron-mock';
import { PRELOAD, startShell, tempDir } from './shell-helpers';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

function occupyPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

/** runShell with these user arguments (as `electron . <args>`), output silenced. */
async function run(args: string[]) {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return await runShell({ preload: PRELOAD, rendererDir: tempDir() }, ['electron', '.', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
}

describe('single-instance lock', () => {
  it('a second instance quits at once: no server, no window, data dir untouched', async () => {
    app.lockAvailable = false;
    const dataDir = tempDir();
    const shell = await run(['--port', '0', '--data-dir', dataDir]);
    expect(shell).toBeNull();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(() => readFileSync(join(dataDir, 'state.json'))).toThrow();
  });

  it('takes the lock before anything else', async () => {
    await startShell();
    expect(app.requestSingleInstanceLock.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('the first instance brings its moderator window forward when a second one starts — or opens it again', async () => {
    await startShell();
    const moderator = windowOf('moderator');
    moderator.minimized = true;
    app.emit('second-instance', {}, ['rostrum'], '/');
    expect(moderator.minimized).toBe(false);
    expect(moderator.focusCount).toBe(1);

    moderator.close();
    expect(openWindows()).toHaveLength(0);
    app.emit('second-instance', {}, ['rostrum'], '/');
    expect(windowOf('moderator')).not.toBe(moderator);
  });
});

describe('start-up', () => {
  it('opens the moderator window, and only it', async () => {
    await startShell();
    expect(openWindows().map((w) => new URL(w.webContents.getURL()).pathname)).toEqual(['/moderator']);
  });

  it('uses the core with #2\'s port rules: an explicit port that is taken stops the app, saying why', async () => {
    const port = await occupyPort();
    const shell = await run(['--port', String(port), '--data-dir', tempDir()]);
    expect(shell).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Rostrum could not start', `port ${port} on 127.0.0.1 is already in use; choose another with --port`);
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('…and the default port falls back once, keeps the choice, and says so', async () => {
    const port = await occupyPort();
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ port }));
    const shell = await run(['--data-dir', dataDir]);
    try {
      expect(shell?.running.port).not.toBe(port);
      const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { port: number };
      expect(saved.port).toBe(shell?.running.port);
      expect(dialog.showMessageBox).toHaveBeenCalledWith(
        expect.objectContaining({ message: 'Rostrum started, with a notice', detail: expect.stringContaining(`Port ${port} was taken`) }),
      );
      expect(openWindows()).toHaveLength(1);
    } finally {
      await shell?.running.stop();
    }
  });

  it('refuses a wrong flag with the usage, before starting anything', async () => {
    const shell = await run(['--port', 'eighty', '--data-dir', tempDir()]);
    expect(shell).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Rostrum could not start: a command-line option is wrong',
      expect.stringContaining('--port: "eighty" is not a port number'),
    );
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('takes the same flags as serve (--agenda, --host, tokens), ignoring Chromium\'s own switches', async () => {
    const agenda = join(tempDir(), 'agenda.json');
    writeFileSync(agenda, readFileSync(new URL('../../../assets/samples/just-transition-workshop.json', import.meta.url)));
    const shell = await startShell(['--enable-logging', '--agenda', agenda, '--host=127.0.0.1']);
    expect(shell.running.core.state.agenda.sessions.map((s) => s.id)).toEqual(['opening', 'session-1', 'session-2', 'closing']);
    expect(shell.running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shell.running.tokens.control).toBe('control-token-0001');
  });

  it('answers /api/v1/health on the in-process server, bound to 127.0.0.1', async () => {
    const shell = await startShell();
    const health = (await (await fetch(`${shell.running.url}/api/v1/health`)).json()) as { ok: boolean; name: string };
    expect(health).toMatchObject({ ok: true, name: 'rostrum' });
    expect(shell.running.server.http.address()).toMatchObject({ address: '127.0.0.1' });
  });
});

describe('quitting', () => {
  it('closing the last window quits (not on macOS); quitting stops the server and saves the state first', async () => {
    const shell = await startShell();
    windowOf('moderator').close();
    expect(app.quit).toHaveBeenCalledTimes(1);

    const url = shell.running.url;
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
    const saved = JSON.parse(readFileSync(join(shell.dataDir, 'state.json'), 'utf8')) as { state: { revision: number } };
    expect(saved.state.revision).toBe(shell.running.core.state.revision);
    // The second will-quit (from that app.quit) goes through.
    let again = false;
    app.emit('will-quit', { preventDefault: () => (again = true) });
    expect(again).toBe(false);
  });
});

describe('command-line arguments under Electron', () => {
  it('keeps the serve flags, drops the app path and Chromium switches', () => {
    const argv = ['/usr/bin/electron', '.', '--no-sandbox', '--port', '5000', '--data-dir=/tmp/x', '--remote-debugging-port', '9222', '--agenda', 'a.json', '-h'];
    expect(pickServeArgs(userArgs(argv, false))).toEqual(['--port', '5000', '--data-dir=/tmp/x', '--agenda', 'a.json', '-h']);
    expect(userArgs(['/opt/Rostrum/rostrum', '--port', '1'], true)).toEqual(['--port', '1']);
    expect(pickServeArgs(['--control-token'])).toEqual(['--control-token']);
  });

  it('knows every flag serve documents (a flag added there must reach the app too)', () => {
    const documented = [...USAGE.matchAll(/^\s+--([a-z-]+)/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(5);
    expect([...SHELL_FLAGS].filter((f) => f !== 'help').sort()).toEqual(documented.sort());
  });
});

describe('Wayland sessions: the app runs through XWayland, where windows can be placed', () => {
  const WAYLAND = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };

  it('decides from the session, and never twice nor against the user\'s own choice', () => {
    expect(x11Relaunch(['/usr/bin/electron', '.', '--port', '5000'], WAYLAND, 'linux')).toEqual({ args: ['.', '--port', '5000', '--ozone-platform=x11'] });
    expect(x11Relaunch(['/tmp/.mount_Rostr/rostrum'], { ...WAYLAND, APPIMAGE: '/home/a/Rostrum.AppImage' }, 'linux')).toEqual({
      args: ['--ozone-platform=x11'],
      execPath: '/home/a/Rostrum.AppImage',
    });
    expect(x11Relaunch(['/usr/bin/electron', '.', '--ozone-platform=x11'], WAYLAND, 'linux')).toBeNull();
    expect(x11Relaunch(['/usr/bin/electron', '.', '--ozone-platform=wayland'], WAYLAND, 'linux')).toBeNull();
    expect(x11Relaunch(['/usr/bin/electron', '.'], { ...WAYLAND, ELECTRON_OZONE_PLATFORM_HINT: 'wayland' }, 'linux')).toBeNull();
    expect(x11Relaunch(['/usr/bin/electron', '.'], { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull(); // no XWayland
    expect(x11Relaunch(['/usr/bin/electron', '.'], { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(x11Relaunch(['/usr/bin/electron', '.'], WAYLAND, 'darwin')).toBeNull();
  });

  it('in a Wayland session the app starts itself again on X11 before anything else: no lock, no server, no window', async () => {
    for (const [name, value] of Object.entries(WAYLAND)) vi.stubEnv(name, value);
    vi.stubEnv('ELECTRON_OZONE_PLATFORM_HINT', '');
    try {
      const dataDir = tempDir();
      const shell = await run(['--port', '0', '--data-dir', dataDir]);
      expect(shell).toBeNull();
      expect(app.relaunch).toHaveBeenCalledExactlyOnceWith({ args: ['.', '--port', '0', '--data-dir', dataDir, '--ozone-platform=x11'] });
      expect(app.exit).toHaveBeenCalledWith(0);
      expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
      expect(FakeBrowserWindow.instances).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
