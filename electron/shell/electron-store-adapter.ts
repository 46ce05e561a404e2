import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { fileStateStore } from '../persistence/file-store';
import { openSettingsFile } from '../persistence/settings-file';
import { STORE_FILES, storeOptions, type SettingsStore } from '../persistence/state-store';

/**
 * electron-store takes the file name from `name` (it overwrites `configName` with it, default
 * "config"), so `name` must repeat storeOptions' configName: otherwise the app would write
 * config.json and never see the state.json a headless server wrote.
 */
const options = (dataDir: string, configName: string) => ({ ...storeOptions(dataDir, configName), name: configName });

/**
 * electron-store registers an IPC handler that tells any renderer asking the userData path and
 * app version. Rostrum's renderers never use electron-store, so nothing may answer there.
 */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

function open<T extends Record<string, unknown>>(dataDir: string, configName: string): ElectronStore<T> {
  const store = new ElectronStore<T>(options(dataDir, configName));
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store;
}

/**
 * The desktop app's state: the same file (`state.json`), written the same way as the headless
 * server's (file-store.ts): atomically before each acknowledgement, fsync'd just after. (electron-store
 * would fsync synchronously on every command, which every client would wait for.)
 */
export const electronStoreStateStore = fileStateStore;

/** Settings (`settings.json`: tokens, port, window placements), shared with the headless server, checked as it is (settings-file.ts). */
export function electronStoreSettingsStore(dataDir: string, now: Date = new Date()): SettingsStore {
  return openSettingsFile(join(dataDir, `${STORE_FILES.settings}.json`), () => open<Record<string, unknown>>(dataDir, STORE_FILES.settings), now);
}
