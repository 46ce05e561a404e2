import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '../../shared/contract/roles';
import type { SettingsStore } from '../persistence/state-store';

export type Tokens = Record<Role, string>;

export const generateToken = (): string => randomBytes(18).toString('base64url');

/**
 * Each role has its own token: given ones win (flags, env), the rest are generated on first
 * start and kept in the data dir so links stay valid across restarts.
 */
export function resolveTokens(settings: SettingsStore, given: Partial<Tokens>): Tokens {
  const saved = settings.get<Partial<Tokens>>('tokens') ?? {};
  const tokens = Object.fromEntries(ROLES.map((r) => [r, given[r] ?? saved[r] ?? generateToken()])) as Tokens;
  if (ROLES.some((r) => saved[r] !== tokens[r])) settings.set('tokens', tokens);
  return tokens;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The role a token grants, compared in constant time; null for an unknown token. */
export function roleForToken(tokens: Tokens, token: string): Role | null {
  return keyForToken(tokens, ROLES, token);
}

/**
 * Which of `keys` holds `token`, compared in constant time over all of them; null for none. A
 * null entry (a role switched off, e.g. the remote moderator) matches nothing.
 */
export function keyForToken<K extends string>(tokens: Record<K, string | null>, keys: readonly K[], token: string): K | null {
  let found: K | null = null;
  for (const key of keys) {
    const t = tokens[key];
    if (t !== null && safeEqual(t, token)) found = key;
  }
  return found;
}
