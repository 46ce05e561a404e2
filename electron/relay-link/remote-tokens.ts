import { REMOTE_ROLES, type RemoteTokens } from '../../shared/contract/relay';
import type { SettingKey } from '../persistence/settings-schema';
import type { SettingsStore } from '../persistence/state-store';
import { generateToken } from '../server/tokens';

/** Key in the venue's settings file: the remote links' tokens, apart from the LAN tokens. */
const REMOTE_TOKENS_SETTING = 'remoteTokens' satisfies SettingKey;

/**
 * A token per remote role, generated on first use and kept, so that links sent to people abroad
 * stay valid across restarts. The remote moderator has none (it is off) unless one was kept.
 */
export function resolveRemoteTokens(settings: SettingsStore): RemoteTokens {
  // Checked by the settings schema: a kept token is valid, or absent.
  const saved = settings.get(REMOTE_TOKENS_SETTING);
  const tokens = Object.fromEntries(
    REMOTE_ROLES.map((role) => [role, saved[role] ?? (role === 'moderator' ? null : generateToken())]),
  ) as RemoteTokens;
  if (REMOTE_ROLES.some((role) => saved[role] !== tokens[role])) settings.set(REMOTE_TOKENS_SETTING, tokens);
  return tokens;
}
