import type { RostrumState } from '../../shared/contract/state';

/**
 * Where the main process keeps its state. Every accepted command is saved, synchronously,
 * before it is acknowledged or broadcast. Headless uses `conf`; the desktop app electron-store,
 * with the same file (`state.json` in the data dir) and format.
 */
export interface StateStore {
  /** The saved state, or undefined when the data dir holds none. */
  load(): RostrumState | undefined;
  save(state: RostrumState): void;
  /** Absolute path of the file, for messages. */
  readonly path: string;
}

/** Key-value settings kept beside the state: tokens, the chosen port. */
export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  readonly path: string;
}

export const STATE_FORMAT_VERSION = 1;

/** The file's content: versioned, so a later format can migrate it. */
export interface StateFile {
  formatVersion: number;
  state: RostrumState;
}

/**
 * Options shared by the conf and electron-store adapters, so both read and write the same files.
 * Compact JSON: the state is written on every command, and nobody edits it by hand.
 */
export const STORE_FILES = { state: 'state', settings: 'settings' } as const;
export const storeOptions = (dataDir: string, configName: string) => ({
  cwd: dataDir,
  configName,
  projectName: 'Rostrum',
  projectSuffix: '',
  serialize: (value: unknown) => JSON.stringify(value),
  clearInvalidConfig: false,
});
