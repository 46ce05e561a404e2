import { randomBytes } from 'node:crypto';
import type { SettingsStore } from '../persistence/state-store';

const KEY_SETTING = 'relayKey';

/**
 * The key venues link with: the given one wins; otherwise the one kept in the relay's data dir,
 * or a new one, kept so that a restarted relay takes its venue back without anyone typing it again.
 */
export function resolveRelayKey(settings: SettingsStore, given: string | null): { key: string; generated: boolean } {
  if (given !== null) return { key: given, generated: false };
  const saved = settings.get<unknown>(KEY_SETTING);
  if (typeof saved === 'string' && saved.length >= 16) return { key: saved, generated: false };
  const key = randomBytes(24).toString('base64url');
  settings.set(KEY_SETTING, key);
  return { key, generated: true };
}
