import Conf from 'conf';
import { parseSavedState } from './state-file-schema';
import {
  STATE_FORMAT_VERSION,
  STORE_FILES,
  storeOptions,
  type SettingsStore,
  type StateFile,
  type StateStore,
} from './state-store';

/** Headless persistence with `conf` (atomic writes: temp file, then rename). */
export function confStateStore(dataDir: string): StateStore {
  const conf = new Conf<Partial<StateFile>>(storeOptions(dataDir, STORE_FILES.state));
  return {
    path: conf.path,
    load: () => (conf.store.state === undefined ? undefined : parseSavedState(conf.store.state)),
    save: (state) => {
      conf.store = { formatVersion: STATE_FORMAT_VERSION, state };
    },
  };
}

export function confSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>(storeOptions(dataDir, STORE_FILES.settings));
  return {
    path: conf.path,
    get: <T>(key: string) => conf.get(key) as T | undefined,
    set: (key, value) => conf.set(key, value),
  };
}
