import { handedOverPreferences, type PreloadRequest } from '../../shared/contract/preload-api';
import type { SettingKey } from '../persistence/settings-schema';
import type { SettingsStore } from '../persistence/state-store';

/** settings.json key of the views' preferences, as last reported by a window. */
export const PREFERENCES_KEY = 'viewPreferences' satisfies SettingKey;

/**
 * One window's report of its preferences (see isHandedOverPreference), and what it gets back.
 * At load, what it reports is added to what is kept, and it gets everything kept (its preload
 * writes the keys it lacks: after a port fallback, all of them). As it goes away, what it reports
 * is the whole set (a preference removed in the page is removed here too).
 */
export function exchangePreferences(settings: SettingsStore, request: PreloadRequest | null): Record<string, string> {
  const kept = settings.get(PREFERENCES_KEY);
  if (request === null) return kept;
  const next = request.unloading ? request.preferences : handedOverPreferences({ ...kept, ...request.preferences });
  if (JSON.stringify(next) !== JSON.stringify(kept)) settings.set(PREFERENCES_KEY, next);
  return request.unloading ? {} : next;
}
