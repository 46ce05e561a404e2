import { REMOTE_ROLES, type RemoteTokens } from '../../shared/contract/relay';
import { MAIN_ROOM } from '../../shared/contract/rooms';
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

/** Key in the venue's settings file: the remote tokens of each room but `main`, by room id. */
const ROOM_REMOTE_TOKENS_SETTING = 'roomRemoteTokens' satisfies SettingKey;

/**
 * A room's remote tokens (each room is its own channel on the relay, docs/rooms.md): `main`'s are
 * the venue's (`remoteTokens`, as before rooms); another room's are kept per room, generated on
 * first use, and never one another room holds (`taken`), so a token names its room at the relay.
 */
export function resolveRoomRemoteTokens(settings: SettingsStore, room: string, taken: ReadonlySet<string>): RemoteTokens {
  if (room === MAIN_ROOM) return resolveRemoteTokens(settings);
  const saved = settings.get(ROOM_REMOTE_TOKENS_SETTING)[room] ?? {};
  const tokens = Object.fromEntries(REMOTE_ROLES.map((role) => [role, saved[role] ?? (role === 'moderator' ? null : uniqueToken(taken))])) as RemoteTokens;
  if (REMOTE_ROLES.some((role) => saved[role] !== tokens[role])) saveRoomRemoteTokens(settings, room, tokens);
  return tokens;
}

/** Keeps a room's remote tokens (null: forgets them, the room was removed). */
export function saveRoomRemoteTokens(settings: SettingsStore, room: string, tokens: RemoteTokens | null): void {
  const all = { ...settings.get(ROOM_REMOTE_TOKENS_SETTING) };
  if (tokens === null) delete all[room];
  else all[room] = tokens;
  settings.set(ROOM_REMOTE_TOKENS_SETTING, all);
}

/** A new token unlike every one in `taken` (a clash of 144 random bits is not expected; checked all the same). */
export function uniqueToken(taken: ReadonlySet<string>): string {
  let token = generateToken();
  while (taken.has(token)) token = generateToken();
  return token;
}
