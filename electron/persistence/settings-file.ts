import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { ROLES, type Role } from '../../shared/contract/roles';
import { makePrivate } from './private-files';
import { SETTINGS_VERSION, SETTING_KEYS, TOKEN_PATTERN, defaultOf, parseSetting, settingValue, type SettingProblem } from './settings-schema';
import type { SettingsStore } from './state-store';

/** What conf (headless) and electron-store (the app) offer: the file's keys, read and written whole. */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** Why the file cannot be used at all (not JSON, not an object), or null when it can (or is absent). */
function unreadable(path: string): { text: string; reason: string } | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? null : { text, reason: 'it is not a JSON object' };
  } catch (error) {
    return { text, reason: (error as Error).message.split('\n')[0] ?? 'not JSON' };
  }
}

/**
 * Tokens that can still be read from a damaged file: a truncated file usually still holds them
 * whole, and every display link depends on them. Only complete values that are valid tokens count.
 */
export function salvageTokens(text: string): Partial<Record<Role, string>> {
  const found: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const m = new RegExp(`"${role}"\\s*:\\s*"([^"\\\\]*)"`).exec(text);
    if (m && TOKEN_PATTERN.test(m[1]!)) found[role] = m[1]!;
  }
  return found;
}

const sentence = (p: SettingProblem) => {
  const fallback = defaultOf(p.path);
  return `${p.path}: ${p.message}${fallback === undefined ? '' : `, so ${JSON.stringify(fallback)}`}`;
};

/**
 * Opens settings.json through `open` (conf or electron-store), the way a bad state file is handled
 * (issue 14 §4), never with a crash:
 * - a file that is not a JSON object (truncated, emptied) is moved aside as
 *   `settings.json.corrupt-<time>`; the tokens still readable in it are kept;
 * - fields of the wrong type or out of range fall back to their defaults: the file as it was is kept
 *   as `settings.json.invalid-<time>` and the bad fields are removed from it, so the next start is clean;
 * - a file from a newer Rostrum is read for what this version understands and left as it is.
 * Each case is a warning for the start-up output and the console. A role token lost in any of these
 * ways is listed in `lostTokens`: resolveTokens replaces it, and says so loudly.
 */
export function openSettingsFile(path: string, open: () => KeyValueFile, now: Date): SettingsStore {
  const warnings: string[] = [];
  const lostTokens = new Map<Role, string>();
  const stamp = stampOf(now);

  const damaged = unreadable(path);
  let salvaged: Partial<Record<Role, string>> = {};
  if (damaged) {
    const aside = `${path}.corrupt-${stamp}`;
    renameSync(path, aside);
    makePrivate(aside);
    salvaged = salvageTokens(damaged.text);
    const kept = ROLES.filter((r) => salvaged[r] !== undefined);
    for (const role of ROLES) if (salvaged[role] === undefined) lostTokens.set(role, `could not be read from the damaged file (moved to ${aside})`);
    warnings.push(
      `The settings file ${path} could not be read (${damaged.reason}); it was moved to ${aside} and the settings are back to their defaults` +
        (kept.length > 0 ? `, except the ${kept.join(', ')} token${kept.length > 1 ? 's' : ''}, recovered from it.` : '.'),
    );
  }

  const kv = open();
  if (Object.keys(salvaged).length > 0) kv.set('tokens', salvaged);

  const version = parseSetting('version', kv.get('version')).value;
  const newer = version !== undefined && version > SETTINGS_VERSION;
  if (newer) {
    warnings.push(
      `The settings file ${path} was written by a newer Rostrum (settings version ${version}; this one reads version ${SETTINGS_VERSION}): the settings it understands are used, the others are at their defaults, and the file is left as it is.`,
    );
  }

  const problems: SettingProblem[] = [];
  const repairs: (() => void)[] = [];
  for (const key of SETTING_KEYS) {
    const parsed = parseSetting(key, kv.get(key));
    if (parsed.problems.length === 0) continue;
    problems.push(...parsed.problems);
    const nothingLeft = parsed.value === undefined || (typeof parsed.value === 'object' && Object.keys(parsed.value).length === 0);
    repairs.push(() => (nothingLeft ? kv.delete(key) : kv.set(key, parsed.value)));
  }
  // The file as it was is kept before anything in it is repaired (or a lost token replaced).
  const copy = problems.length > 0 && !newer ? `${path}.invalid-${stamp}` : null;
  if (copy !== null) {
    copyFileSync(path, copy);
    makePrivate(copy);
  }
  const kept = copy === null ? '' : `; the file as it was is kept as ${copy}`;
  for (const p of problems) {
    const role = /^tokens\.(\w+)$/.exec(p.path)?.[1] as Role | undefined;
    if (role !== undefined) lostTokens.set(role, `is not valid: ${p.message}${kept}`);
    else if (p.path === 'tokens') for (const r of ROLES) lostTokens.set(r, `is not valid: ${p.message}${kept}`);
  }
  const others = problems.filter((p) => p.path !== 'tokens' && !p.path.startsWith('tokens.'));
  if (copy !== null) {
    for (const repair of repairs) repair();
    if (others.length > 0) warnings.push(`Settings in ${path} were not valid and are back to their defaults: ${others.map(sentence).join('; ')}${kept}.`);
  } else if (others.length > 0) {
    warnings.push(`Settings in ${path} that this version cannot use are at their defaults: ${others.map(sentence).join('; ')}.`);
  }
  if (!newer && version !== SETTINGS_VERSION) kv.set('version', SETTINGS_VERSION);
  makePrivate(path);

  return {
    path,
    warnings,
    lostTokens,
    get: (key) => settingValue(key, kv.get(key)),
    set: (key, value) => kv.set(key, value),
  };
}
