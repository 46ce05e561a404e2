// The preload of every Rostrum window. It runs sandboxed (no Node), so it is bundled into one
// CommonJS file whose only require is 'electron' (vite.node.config.ts).
//
// It asks the main process, once, who this window is, and exposes exactly that — the server URL,
// the role and its token — as `window.rostrum`. No ipcRenderer, no functions, nothing else. The
// main process answers only its own windows showing its own server; to anyone else it answers
// null, and then nothing is exposed (the page falls back to a `?token=` link, like a browser).

import { contextBridge, ipcRenderer } from 'electron';
import {
  PRELOAD_GLOBAL,
  PRELOAD_INFO_CHANNEL,
  handedOverPreferences,
  isHandedOverPreference,
  isPreloadApi,
  type PreloadApi,
  type PreloadRequest,
} from '../../shared/contract/preload-api';

/** The page's localStorage and window, as the sandboxed preload sees them (the node build has no DOM types). */
interface PageStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const page = globalThis as unknown as { localStorage?: PageStorage; addEventListener?: (type: 'pagehide', listener: () => void) => void };

/** The views' preferences in this origin's localStorage (see isHandedOverPreference). */
function preferences(): Record<string, string> {
  const found: Record<string, string> = {};
  const localStorage = page.localStorage;
  if (!localStorage) return found;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const value = key === null ? null : localStorage.getItem(key);
      if (key !== null && value !== null && isHandedOverPreference(key)) found[key] = value;
    }
  } catch {
    // storage unavailable: nothing to report
  }
  return found;
}

const ask = (unloading: boolean): unknown => ipcRenderer.sendSync(PRELOAD_INFO_CHANNEL, { preferences: preferences(), unloading } satisfies PreloadRequest);

const answer = ask(false);

if (isPreloadApi(answer)) {
  // Before the page runs: the preferences it lacks (after a port fallback, a new origin has none).
  const restore = handedOverPreferences((answer as { preferences?: unknown }).preferences);
  try {
    for (const [key, value] of Object.entries(restore)) if (page.localStorage?.getItem(key) === null) page.localStorage.setItem(key, value);
  } catch {
    // storage unavailable: the page starts with its defaults
  }
  // Copied field by field: whatever else the answer might carry stays behind.
  const api = { serverUrl: answer.serverUrl, role: answer.role, token: answer.token } satisfies PreloadApi;
  contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
  // What the page changed meanwhile, as it goes away (closed, reloaded, the app quitting).
  page.addEventListener?.('pagehide', () => void ask(true));
}
