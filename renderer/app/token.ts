import { TOKEN_PARAM, type PageView as View } from '../../shared/contract/http';
import type { PreloadApi } from '../../shared/contract/preload-api';
import { MAIN_ROOM, roomOfPath } from '../../shared/contract/rooms';

declare global {
  interface Window {
    /** Provided by the Electron preload (electron/shell/preload.ts): the token of the window's view. */
    rostrum?: PreloadApi;
  }
}

/** Per view, and per room for a room other than `main` (`/r/<id>/…`, #18): each keeps its own token. */
const storageKey = (view: View) => {
  const room = roomOfPath(window.location.pathname);
  return room === MAIN_ROOM ? `rostrum.token.${view}` : `rostrum.token.${room}.${view}`;
};

/** Tokens rotated from this page: they win over the (now stale) one from the preload. */
const replaced = new Map<View, string>();

/** After this page rotated its own role's token: use the new one from now on (and after a reload). */
export function replaceToken(view: View, token: string): void {
  replaced.set(view, token);
  safeSessionSet(storageKey(view), token);
}

/**
 * The token of this display. A `?token=` in the link wins and is moved into sessionStorage, then
 * removed from the address bar (and so from history, screenshots and shoulder-surfers). A reload
 * finds it in sessionStorage; an Electron window gets it from its preload.
 */
export function takeToken(view: View): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl !== null) {
    url.searchParams.delete(TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    if (fromUrl !== '') {
      safeSessionSet(storageKey(view), fromUrl);
      return fromUrl;
    }
  }
  return replaced.get(view) ?? window.rostrum?.token ?? safeSessionGet(storageKey(view)) ?? undefined;
}

function safeSessionGet(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSessionSet(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage unavailable: the token lives only as long as this page
  }
}
