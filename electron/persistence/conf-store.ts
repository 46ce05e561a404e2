import Conf from 'conf';
import { STORE_FILES, storeOptions, type SettingsStore } from './state-store';
import { settingsStoreOver } from './store-views';

/**
 * The headless server's settings (`settings.json`: tokens, port, LAN mode, OSC) through `conf`, with
 * the options the desktop app's electron-store (a conf subclass) opens the same file with. Settings
 * change rarely; the state file, written on every command, has its own writer (file-store.ts).
 */
export function confSettingsStore(dataDir: string): SettingsStore {
  return settingsStoreOver(new Conf<Record<string, unknown>>(storeOptions(dataDir, STORE_FILES.settings)));
}
