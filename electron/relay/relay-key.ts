import { randomBytes } from 'node:crypto';
import type { SettingKey } from '../persistence/settings-schema';
import type { SettingsStore } from '../persistence/state-store';

const KEY_SETTING = 'relayKey' satisfies SettingKey;

/**
 * The key venues link with: the given one wins; otherwise the one kept in the relay's data dir,
 * or a new one, kept so that a restarted relay takes its venue back without anyone typing it again.
 */
export function resolveRelayKey(settings: SettingsStore, given: string | null): { key: string; generated: boolean } {
  if (given !== null) return { key: given, generated: false };
  // Checked by the settings schema: empty when absent or too short.
  const saved = settings.get(KEY_SETTING);
  if (saved !== '') return { key: saved, generated: false };
  const key = randomBytes(24).toString('base64url');
  settings.set(KEY_SETTING, key);
  return { key, generated: true };
}
