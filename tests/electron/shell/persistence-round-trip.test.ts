import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleAgenda } from '../../../electron/app/sample-agenda';
import { initialState } from '../../../electron/engine/initial-state';
import { startRostrum, type RunningRostrum, type StartOptions } from '../../../electron/app/start-rostrum';
import { confSettingsStore } from '../../../electron/persistence/conf-store';
import { fileStateStore } from '../../../electron/persistence/file-store';
import { electronStoreSettingsStore, electronStoreStateStore } from '../../../electron/shell/electron-store-adapter';
import type { SettingsStore, StateStore } from '../../../electron/persistence/state-store';
import { instant } from '../../../shared/time/instant';
import { T0 } from '../../builders';
import { app, ipcMain } from './electron-mock';

const tempDir = () => mkdtempSync(join(tmpdir(), 'rostrum-shell-store-'));

type Adapters = Pick<StartOptions, 'openStateStore' | 'openSettingsStore'>;
const HEADLESS: Adapters = { openStateStore: fileStateStore, openSettingsStore: confSettingsStore };
const DESKTOP: Adapters = { openStateStore: electronStoreStateStore, openSettingsStore: electronStoreSettingsStore };

const started: RunningRostrum[] = [];
afterEach(async () => {
  for (const r of started.splice(0)) await r.stop();
});

/** startRostrum as serve.ts (HEADLESS) or the desktop shell (DESKTOP) calls it, on a free port. */
async function start(dataDir: string, adapters: Adapters): Promise<RunningRostrum> {
  const running = await startRostrum({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    agenda: null,
    tokens: {},
    clock: { now: () => instant(T0) },
    rendererDir: tempDir(),
    version: '0.0.0-test',
    sample: sampleAgenda,
    ...adapters,
    stateFilePath: (dir) => join(dir, 'state.json'),
  });
  started.push(running);
  return running;
}

describe('a data dir is shared by the headless server (conf) and the desktop app (electron-store)', () => {
  it.each([
    ['written headless, opened by the app', HEADLESS, DESKTOP],
    ['written by the app, opened headless', DESKTOP, HEADLESS],
  ])('%s: same state, same tokens, same port', async (_name, writer, reader) => {
    const dataDir = tempDir();
    const first = await start(dataDir, writer);
    const control = first.tokens.control;
    expect(first.core.execute({ type: 'start', expectedItemId: 'open-local-gov' }, 'control')).toMatchObject({ ok: true });
    expect(first.core.execute({ type: 'next', expectedItemId: 'open-local-gov' }, 'control')).toMatchObject({ ok: true });
    const revision = first.core.state.revision;
    await first.stop();
    started.length = 0;

    const second = await start(dataDir, reader);
    expect(second.core.state.revision).toBe(revision);
    expect(second.core.state.clock.currentItemId).toBe('open-cao');
    expect(second.core.state.report['open-local-gov']?.actualStart).toBe(T0);
    expect(second.tokens.control).toBe(control);
    // Both used the same two files, and nothing else (no config.json, no "-nodejs" folder) but the
    // copy of the state file kept at a start that could read it (load-state.ts), and the lock the
    // running one holds (data-dir-lock.ts).
    expect(readdirSync(dataDir).sort()).toEqual(['rostrum.lock', 'settings.json', 'state.json', 'state.json.last-good']);
  });

  it.each([
    ['conf → electron-store', fileStateStore, electronStoreStateStore, confSettingsStore, electronStoreSettingsStore],
    ['electron-store → conf', electronStoreStateStore, fileStateStore, electronStoreSettingsStore, confSettingsStore],
  ])('%s: byte-identical files, read back as written', (_name, writeState, readState, writeSettings, readSettings) => {
    const a = tempDir();
    const b = tempDir();
    // The sample event as a fresh data dir gets it, as plain JSON.
    const state = JSON.parse(JSON.stringify(initialState(sampleAgenda()))) as ReturnType<typeof initialState>;
    const stores: [(d: string) => StateStore, (d: string) => SettingsStore][] = [
      [writeState, writeSettings],
      [readState, readSettings],
    ];
    // Each adapter writes the same content in its own dir: the files must be identical.
    for (const [dir, [openState, openSettings]] of [a, b].map((d, i) => [d, stores[i]!] as const)) {
      openState(dir).save(state);
      openSettings(dir).set('port', 4901);
    }
    expect(readFileSync(join(a, 'state.json'), 'utf8')).toBe(readFileSync(join(b, 'state.json'), 'utf8'));
    expect(readFileSync(join(a, 'settings.json'), 'utf8')).toBe(readFileSync(join(b, 'settings.json'), 'utf8'));
    // And each reads what the other wrote.
    expect(readState(a).load()).toEqual(state);
    expect(readSettings(a).get('port')).toBe(4901);
    expect(readState(a).path).toBe(join(a, 'state.json'));
  });

  it('answers no renderer through electron-store\'s own IPC channel', () => {
    electronStoreStateStore(tempDir());
    electronStoreSettingsStore(tempDir());
    expect(app.getPath).toHaveBeenCalledWith('userData'); // electron-store did run against the mock
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });
});
