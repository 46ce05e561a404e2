import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, vi, type MockInstance } from 'vitest';
import { settingValue } from '../../../electron/persistence/settings-schema';
import type { SettingsStore } from '../../../electron/persistence/state-store';
import type { MenuActions } from '../../../electron/shell/menu';
import { runShell, type RunningShell } from '../../../electron/shell/shell';
import { ShellWindows } from '../../../electron/shell/windows';

export const tempDir = (prefix = 'rostrum-shell-'): string => mkdtempSync(join(tmpdir(), prefix));

export const TOKENS = { control: 'control-token-0001', booth: 'booth-token-0002', view: 'view-token-0003' } as const;
export const SERVER = 'http://127.0.0.1:4848';
export const PRELOAD = '/opt/Rostrum/resources/app.asar/dist/electron/preload.cjs';

/** Settings kept in memory, copied in and out like a JSON file, and checked on read as the file is. */
export function memorySettings(initial: Record<string, unknown> = {}): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  return {
    data,
    path: '(memory)',
    warnings: [],
    lostTokens: new Map(),
    get: (key) => settingValue(key, structuredClone(data.get(key))),
    set: (key, value) => void data.set(key, structuredClone(value)),
  };
}

/** The window manager alone, against a server that need not exist (the mock loads nothing). */
export function shellWindows(settings: SettingsStore = memorySettings(), onChange?: () => void, platform: NodeJS.Platform = 'linux'): ShellWindows {
  return new ShellWindows({
    serverUrl: SERVER,
    tokens: { ...TOKENS },
    preloadPath: PRELOAD,
    settings,
    platform,
    ...(onChange ? { onChange } : {}),
  });
}

const running: RunningShell[] = [];
let quiet: MockInstance | null = null;
afterEach(async () => {
  for (const shell of running.splice(0)) await shell.running.stop();
  quiet?.mockRestore();
  quiet = null;
});

/**
 * The whole desktop app as `electron . [args]` starts it — with Electron mocked: the real core
 * and server on a free port, a fresh data dir, fixed tokens. Stopped after the test.
 */
export async function startShell(args: string[] = []): Promise<RunningShell & { dataDir: string }> {
  const dataDir = tempDir('rostrum-shell-data-');
  // The start-up banner ("Rostrum ready on ...") would only clutter the test output.
  quiet ??= vi.spyOn(console, 'log').mockImplementation(() => {});
  const shell = await runShell(
    { preload: PRELOAD, rendererDir: tempDir('rostrum-shell-views-') },
    [
      '/usr/lib/rostrum/electron',
      '.',
      '--no-sandbox',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--control-token',
      TOKENS.control,
      '--booth-token',
      TOKENS.booth,
      '--view-token',
      TOKENS.view,
      ...args,
    ],
  );
  if (!shell) throw new Error('runShell did not start');
  running.push(shell);
  return { ...shell, dataDir };
}

/** Menu actions that only record their calls, for tests of the menu's shape. */
export const fakeMenuActions = (): MenuActions => ({
  session: vi.fn(),
  openWindow: vi.fn(),
  speakerOn: vi.fn(),
  toggleSpeakerFullscreen: vi.fn(),
  importAgenda: vi.fn(),
  exportAgenda: vi.fn(),
  exportReport: vi.fn(),
  about: vi.fn(),
  openDataDir: vi.fn(),
  quit: vi.fn(),
});
