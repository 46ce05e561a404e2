import Conf from 'conf';
import { STORE_FILES, storeOptions, type SettingsStore, type StateFile, type StateStore } from './state-store';
import { settingsStoreOver, stateStoreOver } from './store-views';

/** Headless persistence with `conf` (atomic writes: temp file, then rename). */
export function confStateStore(dataDir: string): StateStore {
  return stateStoreOver(new Conf<Partial<StateFile>>(storeOptions(dataDir, STORE_FILES.state)));
}

export function confSettingsStore(dataDir: string): SettingsStore {
  return settingsStoreOver(new Conf<Record<string, unknown>>(storeOptions(dataDir, STORE_FILES.settings)));
}
