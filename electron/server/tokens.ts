import { randomBytes, timingSafeEqual } from 'node:crypto';
import { VIEWS, VIEW_ROLE } from '../../shared/contract/http';
import { ROLES, type Role } from '../../shared/contract/roles';
import type { SettingsStore } from '../persistence/state-store';

export type Tokens = Record<Role, string>;

export const generateToken = (): string => randomBytes(18).toString('base64url');

/** Where a role's token came from, for messages. */
type Source = 'flag' | 'saved' | 'generated';
const FLAG_NAMES: Record<Role, string> = {
  control: '--control-token (or --control-token-file, ROSTRUM_CONTROL_TOKEN)',
  booth: '--booth-token (or ROSTRUM_BOOTH_TOKEN)',
  view: '--view-token (or ROSTRUM_VIEW_TOKEN)',
};

/** The first two roles sharing a token, or null. Two roles with one token would give one role's links the other's rights. */
export function duplicateRoles(tokens: Partial<Tokens>): [Role, Role] | null {
  for (const [i, a] of ROLES.entries()) {
    for (const b of ROLES.slice(i + 1)) if (tokens[a] !== undefined && tokens[a] === tokens[b]) return [a, b];
  }
  return null;
}

/** "a", "a and b", "a, b and c". */
const listed = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`);

/** What a technician must hear when saved tokens are replaced: which, why, and which links stop working. */
function replacedWarning(path: string, roles: readonly Role[], lost: string): string {
  const links = VIEWS.filter((v) => roles.includes(VIEW_ROLE[v]));
  const one = roles.length === 1;
  return (
    `The ${listed(roles)} token${one ? '' : 's'} saved in ${path} ${lost}. ` +
    `${one ? 'A new' : 'New'} ${listed(roles)} token${one ? ' was' : 's were'} generated and saved: ` +
    `every ${listed(links)} link made before no longer works; use the new links.`
  );
}

/**
 * Each role has its own token: given ones win (flags, env), the rest are kept in the data dir so
 * links stay valid across restarts, and generated on first start. A saved token that could not be
 * used (settings-file.ts `lostTokens`) is replaced only with a warning naming the links that stop
 * working; two roles with the same token stop the start with an error naming where each came from.
 */
export function resolveTokens(settings: SettingsStore, given: Partial<Tokens>): { tokens: Tokens; warnings: string[] } {
  const saved = settings.get('tokens');
  const sources = {} as Record<Role, Source>;
  const tokens = Object.fromEntries(
    ROLES.map((role) => {
      const token = given[role] ?? saved[role];
      sources[role] = given[role] !== undefined ? 'flag' : token !== undefined ? 'saved' : 'generated';
      return [role, token ?? generateToken()];
    }),
  ) as Tokens;
  // Saved tokens that were lost and are now replaced, said once per cause.
  const replaced = new Map<string, Role[]>();
  for (const role of ROLES) {
    const lost = settings.lostTokens.get(role);
    if (sources[role] === 'generated' && lost !== undefined) replaced.set(lost, [...(replaced.get(lost) ?? []), role]);
  }
  const warnings = [...replaced].map(([lost, roles]) => replacedWarning(settings.path, roles, lost));
  const dup = duplicateRoles(tokens);
  if (dup) {
    const where = (role: Role) => (sources[role] === 'flag' ? `given with ${FLAG_NAMES[role]}` : `saved in ${settings.path}`);
    throw new Error(
      `the ${dup[0]} token (${where(dup[0])}) and the ${dup[1]} token (${where(dup[1])}) are the same: each role needs its own token, or a ${dup[1]} link would also be a ${dup[0]} link`,
    );
  }
  if (ROLES.some((r) => saved[r] !== tokens[r])) settings.set('tokens', tokens);
  return { tokens, warnings };
}

/** A new token for `role` that no other role has (a rotation never makes two roles share one). */
export function rotatedToken(tokens: Tokens, role: Role, generate: () => string = generateToken): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const fresh = generate();
    if (!ROLES.some((r) => tokens[r] === fresh)) return fresh;
  }
  throw new Error(`could not generate a ${role} token that differs from the other roles' tokens`);
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
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
