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
