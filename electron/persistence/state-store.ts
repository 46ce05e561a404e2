import type { Role } from '../../shared/contract/roles';
import type { RostrumState } from '../../shared/contract/state';
import type { SettingKey, Settings } from './settings-schema';

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

/**
 * Settings kept beside the state (`settings.json`: tokens, the chosen port, LAN mode, OSC, window
 * placements), each read through its schema (settings-schema.ts) on every `get`.
 */
export interface SettingsStore {
  /** The setting as saved, checked; its default (settings-schema.ts) where absent or not valid. */
  get<K extends SettingKey>(key: K): Settings[K];
  set<K extends SettingKey>(key: K, value: Settings[K]): void;
  readonly path: string;
  /** What opening the file found wrong, one sentence each, for the start-up output and the console. */
  readonly warnings: readonly string[];
  /** Role tokens the file had but that could not be used, and why: resolveTokens replaces them, loudly. */
  readonly lostTokens: ReadonlyMap<Role, string>;
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
  // Tokens live in settings.json: owner-only, as the data dir (private-files.ts).
  configFileMode: 0o600,
});
