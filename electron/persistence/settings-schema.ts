import { z } from 'zod';
import { DEVICE_ID_PATTERN, MAX_DISPLAY_NAME } from '../../shared/contract/displays';
import { DEFAULT_OSC_SETTINGS, parseOscTarget, type OscSettings } from '../../shared/contract/osc';
import { handedOverPreferences } from '../../shared/contract/preload-api';
import { RELAY_KEY_PATTERN, RELAY_KEY_RULE, REMOTE_ROLES, relayUrlProblem, type RemoteRole } from '../../shared/contract/relay';
import { ROLES, type Role } from '../../shared/contract/roles';
import { ROOM_ID_PATTERN } from '../../shared/contract/rooms';
import { DEFAULT_AUTOMATION_SETTINGS, type AutomationRule, type AutomationSettings } from '../../shared/contract/automation';
import { automationSettingsSchema, ruleSchema } from '../../shared/contract/automation-schemas';

/**
 * `settings.json`, field by field (issue 16: no unchecked casts; issue 14 §4: a wrong-typed file
 * must not turn OSC on at UDP 65531 or regenerate tokens). Each field, and each part of the two
 * object fields (tokens, osc), is checked on its own: a bad one falls back to its default and is
 * named, the good ones beside it are kept. Fields this version does not know are left alone.
 */

/** The format of settings.json this version writes; a file with a higher one came from a newer Rostrum. */
export const SETTINGS_VERSION = 1;

/** What a role token may be: the flags, the environment, settings.json and rotation all hold to it. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_\-.~]{8,200}$/;
export const TOKEN_RULE = 'must be 8 to 200 URL-safe characters (letters, digits, _ - . ~)';

const udpPort = z.number().int('must be a whole number').min(1, 'must be a port from 1 to 65535').max(65535, 'must be a port from 1 to 65535');
const tokenSchema = z.string().regex(TOKEN_PATTERN, TOKEN_RULE);

const TOKEN_FIELDS = Object.fromEntries(ROLES.map((r) => [r, tokenSchema])) as Record<Role, typeof tokenSchema>;
const REMOTE_TOKEN_FIELDS = Object.fromEntries(REMOTE_ROLES.map((r) => [r, tokenSchema.nullable()])) as Record<RemoteRole, z.ZodNullable<typeof tokenSchema>>;
const OSC_FIELDS = {
  on: z.boolean(),
  port: udpPort,
  allow: z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be IP addresses' })).max(32, 'at most 32 addresses'),
  feedback: z.string().refine((s) => parseOscTarget(s) !== null, 'must be host:port').nullable(),
} satisfies { [K in keyof OscSettings]: z.ZodType<OscSettings[K]> };

/** The venue's link to a relay as set from the console (electron/relay-link/relay-control.ts). */
const RELAY_LINK_FIELDS = {
  url: z.string().refine((u) => relayUrlProblem(u) === null, 'must be an http:// or https:// URL'),
  key: z.string().regex(RELAY_KEY_PATTERN, RELAY_KEY_RULE),
  enabled: z.boolean(),
  cohost: z.boolean(),
};

export interface SettingProblem {
  /** Dotted path in the file, e.g. `osc.port`. */
  path: string;
  message: string;
}

interface Parsed<T> {
  /** The checked value, or undefined when absent or wrong (the default applies). */
  value: T | undefined;
  problems: SettingProblem[];
}

const shown = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
const problemOf = (path: string, error: z.ZodError, raw: unknown): SettingProblem => ({
  path,
  message: `${error.issues[0]?.message ?? 'invalid'} (it was ${shown(raw)})`,
});

function scalar<T>(schema: z.ZodType<T>) {
  return (key: string, raw: unknown): Parsed<T> => {
    if (raw === undefined) return { value: undefined, problems: [] };
    const r = schema.safeParse(raw);
    return r.success ? { value: r.data, problems: [] } : { value: undefined, problems: [problemOf(key, r.error, raw)] };
  };
}

/** An object field whose parts are checked one by one: the valid parts are kept. */
function parts<S extends Record<string, z.ZodType>>(shape: S) {
  type Value = Partial<{ [K in keyof S]: z.output<S[K]> }>;
  return (key: string, raw: unknown): Parsed<Value> => {
    if (raw === undefined) return { value: undefined, problems: [] };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { value: {}, problems: [{ path: key, message: `must be an object with ${Object.keys(shape).join(', ')} (it was ${shown(raw)})` }] };
    }
    const value: Record<string, unknown> = {};
    const problems: SettingProblem[] = [];
    for (const [part, schema] of Object.entries(shape)) {
      const given = (raw as Record<string, unknown>)[part];
      if (given === undefined) continue;
      const r = schema.safeParse(given);
      if (r.success) value[part] = r.data;
      else problems.push(problemOf(`${key}.${part}`, r.error, given));
    }
    return { value: value as Value, problems };
  };
}

/**
 * The automation rules (docs/automation.md): each rule is checked on its own, so one bad rule (a
 * hand-edited file) is dropped and named while the others keep working.
 */
function automations(key: string, raw: unknown): Parsed<AutomationSettings> {
  if (raw === undefined) return { value: undefined, problems: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { value: undefined, problems: [{ path: key, message: `must be an object with rules, allow (it was ${shown(raw)})` }] };
  const given = raw as Record<string, unknown>;
  const problems: SettingProblem[] = [];
  const rules: AutomationRule[] = [];
  const list = Array.isArray(given['rules']) ? (given['rules'] as unknown[]) : [];
  if (given['rules'] !== undefined && !Array.isArray(given['rules'])) problems.push({ path: `${key}.rules`, message: `must be a list of rules (it was ${shown(given['rules'])})` });
  list.forEach((rule, i) => {
    const r = ruleSchema.safeParse(rule);
    if (!r.success) {
      const p = problemOf(`${key}.rules.${i}${r.error.issues[0]?.path.length ? `.${r.error.issues[0].path.join('.')}` : ''}`, r.error, rule);
      problems.push({ ...p, message: `${p.message}; this rule is left out` });
    }
    else if (rules.some((x) => x.id === r.data.id)) problems.push({ path: `${key}.rules.${i}.id`, message: `duplicates the id "${r.data.id}"` });
    else rules.push(r.data);
  });
  const allow = automationSettingsSchema.shape.allow.safeParse(given['allow'] ?? []);
  if (!allow.success) problems.push(problemOf(`${key}.allow`, allow.error, given['allow']));
  return { value: { rules, allow: allow.success ? allow.data : [] }, problems };
}

export const SETTING_PARSERS = {
  version: scalar(z.number().int('must be a whole number').min(1, 'must be at least 1')),
  tokens: parts(TOKEN_FIELDS),
  /** The port chosen after a fallback (listen-port.ts). */
  port: scalar(udpPort),
  /** LAN mode as last switched from the console. */
  lanMode: scalar(z.boolean()),
  /** OSC as last set from the console. */
  osc: parts(OSC_FIELDS),
  /**
   * Window placements (the desktop app; each checked by parsePlacement when used), keyed by view
   * for the `main` room (as before rooms) and `<room>/<view>` for another room (#18); default `{}`.
   */
  windows: scalar(z.record(z.string(), z.unknown())),
  /** The views' own preferences, handed over to a new origin after a port fallback (the desktop app). */
  viewPreferences: scalar(z.record(z.string(), z.unknown()).transform(handedOverPreferences)),
  /** A venue's remote links' tokens, apart from the LAN tokens (electron/relay-link/remote-tokens.ts). */
  remoteTokens: parts(REMOTE_TOKEN_FIELDS),
  /**
   * The remote links' tokens of each room but `main` (whose are `remoteTokens`), by room id: each
   * room is its own channel on the relay (docs/rooms.md). A bad entry falls back to new tokens.
   */
  roomRemoteTokens: scalar(z.record(z.string().regex(ROOM_ID_PATTERN), z.strictObject(REMOTE_TOKEN_FIELDS).partial())),
  /** A relay's link key (electron/relay/relay-key.ts); empty until one is generated. */
  relayKey: scalar(z.string().min(16, 'must be at least 16 characters')),
  /** The venue's link to a relay, as last set from the console; a wrong key is named, never shown. */
  relayLink: (key: string, raw: unknown) => {
    const parsed = parts(RELAY_LINK_FIELDS)(key, raw);
    return { ...parsed, problems: parsed.problems.map((p) => (p.path === `${key}.key` ? { path: p.path, message: RELAY_KEY_RULE } : p)) };
  },
  /** Names given to displays from the console, by device id (#19: a rebooted screen keeps its name). */
  displayNames: scalar(
    z.record(
      z.string().regex(DEVICE_ID_PATTERN, 'must be device ids'),
      z.string().min(1, 'must not be empty').max(MAX_DISPLAY_NAME, `must be names of at most ${MAX_DISPLAY_NAME} characters`),
    ),
  ),
  /** Triggered actions as last saved from the console or `PUT /api/v1/automations`. */
  automations,
};

export type SettingKey = keyof typeof SETTING_PARSERS;
export type Settings = { [K in SettingKey]: NonNullable<ReturnType<(typeof SETTING_PARSERS)[K]>['value']> };
export const SETTING_KEYS = Object.keys(SETTING_PARSERS) as SettingKey[];

/** The port Rostrum listens on unless told otherwise (or a fallback was saved). */
export const DEFAULT_PORT = 4848;

/** What each setting is when the file does not have it, or has it wrong. */
export const SETTING_DEFAULTS: { readonly [K in SettingKey]: Settings[K] } = {
  version: SETTINGS_VERSION,
  tokens: {},
  port: DEFAULT_PORT,
  lanMode: false,
  osc: DEFAULT_OSC_SETTINGS,
  windows: {},
  viewPreferences: {},
  remoteTokens: {},
  roomRemoteTokens: {},
  relayKey: '',
  relayLink: {},
  displayNames: {},
  automations: DEFAULT_AUTOMATION_SETTINGS,
};

/** One field of the file's content, checked. */
export function parseSetting<K extends SettingKey>(key: K, raw: unknown): Parsed<Settings[K]> {
  return (SETTING_PARSERS[key] as (key: string, raw: unknown) => Parsed<Settings[K]>)(key, raw);
}

/** One field of the file's content as it is used: the valid value (object fields: its valid parts) over the default. */
export function settingValue<K extends SettingKey>(key: K, raw: unknown): Settings[K] {
  const { value } = parseSetting(key, raw);
  const fallback = SETTING_DEFAULTS[key];
  if (value === undefined) return structuredClone(fallback);
  // OSC's valid parts over its defaults; tokens have none (resolveTokens fills them), windows are whole.
  return key === 'osc' ? ({ ...DEFAULT_OSC_SETTINGS, ...(value as Settings['osc']) } as Settings[K]) : value;
}

/** The default of a field or part (`osc.port`), for messages; undefined when it has none (tokens). */
export function defaultOf(path: string): unknown {
  // A part of a part (`automations.rules.2.then.port`): that one rule is left out, no default stands in.
  if (path.split('.').length > 2) return undefined;
  const [key, part] = path.split('.') as [SettingKey, string | undefined];
  const fallback: unknown = SETTING_DEFAULTS[key];
  if (part === undefined) return key === 'tokens' ? undefined : fallback;
  return typeof fallback === 'object' && fallback !== null ? (fallback as Record<string, unknown>)[part] : undefined;
}
