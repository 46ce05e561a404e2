import { ROLES, type Role } from './roles';

/**
 * What the Electron preload gives a desktop window, as `window.rostrum`: where the server is, the
 * window's role and that role's token. Nothing else crosses the bridge. The token travels here,
 * never in the URL (so it is in no history, log or screenshot of the address bar).
 *
 * renderer/app/token.ts reads `window.rostrum?.token`; a browser tab has no `window.rostrum`.
 */
export interface PreloadApi {
  /** The local server's origin, e.g. `http://127.0.0.1:4848`. */
  readonly serverUrl: string;
  readonly role: Role;
  readonly token: string;
}

/** The name of the global the preload defines: `window.rostrum`. */
export const PRELOAD_GLOBAL = 'rostrum';

/** The one IPC channel of the preload: a synchronous request for this window's PreloadApi. */
export const PRELOAD_INFO_CHANNEL = 'rostrum:window-info';

/** True when the main process answered with a usable PreloadApi (it answers null to strangers). */
export function isPreloadApi(value: unknown): value is PreloadApi {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['serverUrl'] === 'string' &&
    typeof v['token'] === 'string' &&
    v['token'] !== '' &&
    (ROLES as readonly unknown[]).includes(v['role'])
  );
}

/**
 * The views' preferences (language, sound, booth settings) live in localStorage, which belongs to
 * the origin — the port. When the app's port falls back to another, the windows would start
 * with none. So the preload reports them to the main process (at load and when the page goes
 * away), which keeps them in settings.json and hands them back to a page that lacks them.
 * Tokens (sessionStorage anyway) and the cue claims (who plays a sound now) are not handed over.
 */
export const isHandedOverPreference = (key: string): boolean =>
  key.startsWith('rostrum.') && !key.startsWith('rostrum.token.') && !key.startsWith('rostrum.cue.');

/** At most this many preferences, each value at most this long: a page cannot fill settings.json. */
export const PREFERENCE_LIMITS = { keys: 64, length: 4096 } as const;

/** What the preload sends with its request. */
export interface PreloadRequest {
  preferences: Record<string, string>;
  /** Sent as the page goes away (closed, reloaded): its preferences are then the whole set. */
  unloading: boolean;
}

/** The main process's answer to one of its own windows: the PreloadApi, and preferences to restore. */
export interface PreloadAnswer extends PreloadApi {
  readonly preferences: Readonly<Record<string, string>>;
}

/** Only well-formed preferences, within the limits; anything else is dropped. */
export function handedOverPreferences(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const entries = Object.entries(value as Record<string, unknown>).filter(
    (e): e is [string, string] => isHandedOverPreference(e[0]) && typeof e[1] === 'string' && e[0].length <= 200 && e[1].length <= PREFERENCE_LIMITS.length,
  );
  return Object.fromEntries(entries.slice(0, PREFERENCE_LIMITS.keys));
}

/** The preload's request, or null when it sent none (an older preload) or something else. */
export function parsePreloadRequest(value: unknown): PreloadRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return { preferences: handedOverPreferences(v['preferences']), unloading: v['unloading'] === true };
}
