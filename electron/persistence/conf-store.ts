import Conf from 'conf';
import { join } from 'node:path';
import { openSettingsFile } from './settings-file';
import { STORE_FILES, storeOptions, type SettingsStore } from './state-store';

/**
 * The headless server's settings (`settings.json`: tokens, port, LAN mode, OSC) through `conf`, with
 * the options the desktop app's electron-store (a conf subclass) opens the same file with, checked
 * on open and on every read (settings-file.ts). Settings change rarely; the state file, written on
 * every command, has its own writer (file-store.ts).
 */
export function confSettingsStore(dataDir: string, now: Date = new Date()): SettingsStore {
  return openSettingsFile(join(dataDir, `${STORE_FILES.settings}.json`), () => new Conf<Record<string, unknown>>(storeOptions(dataDir, STORE_FILES.settings)), now);
}
