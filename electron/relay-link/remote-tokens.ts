import { REMOTE_ROLES, type RemoteTokens } from '../../shared/contract/relay';
import type { SettingsStore } from '../persistence/state-store';
import { generateToken } from '../server/tokens';

/** Key in the venue's settings file: the remote links' tokens, apart from the LAN tokens. */
const REMOTE_TOKENS_SETTING = 'remoteTokens';

/**
 * A token per remote role, generated on first use and kept, so that links sent to people abroad
 * stay valid across restarts. The remote moderator has none (it is off) unless one was kept.
 */
export function resolveRemoteTokens(settings: SettingsStore): RemoteTokens {
  const saved = settings.get<Partial<Record<string, unknown>>>(REMOTE_TOKENS_SETTING) ?? {};
  const kept = (role: string): string | null => {
    const t = saved[role];
    return typeof t === 'string' && /^[A-Za-z0-9_\-.~]{8,200}$/.test(t) ? t : null;
  };
  const tokens = Object.fromEntries(
    REMOTE_ROLES.map((role) => [role, kept(role) ?? (role === 'moderator' ? null : generateToken())]),
  ) as RemoteTokens;
  if (REMOTE_ROLES.some((role) => saved[role] !== tokens[role])) settings.set(REMOTE_TOKENS_SETTING, tokens);
  return tokens;
}
