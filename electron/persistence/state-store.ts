import type { RostrumState } from '../../shared/contract/state';

/**
 * Where the main process keeps its state. Every accepted command is saved, synchronously,
 * before it is acknowledged or broadcast: once `save` returns, the state survives the process being
 * killed. Its flush to disk (against a power cut) follows within milliseconds, off the command's
 * path; `flush` forces it. The headless server and the desktop app write the same file
 * (`state.json` in the data dir) the same way (file-store.ts). Settings (`settings.json`), which
 * change rarely, go through `conf` headless and electron-store in the app, in the same format.
 */
export interface StateStore {
  /** The saved state, or undefined when the data dir holds none. */
  load(): RostrumState | undefined;
  save(state: RostrumState): void;
  /** Makes the last save durable now (on shutdown); absent when every save already is. */
  flush?(): void;
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
 * The files in the data dir, and the options electron-store (settings, desktop) opens them with.
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
