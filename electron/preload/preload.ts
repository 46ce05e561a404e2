// The preload of every Rostrum window. It runs sandboxed (no Node), so it is bundled into one
// CommonJS file whose only require is 'electron' (vite.node.config.ts).
//
// It asks the main process, once, who this window is, and exposes exactly that — the server URL,
// the role and its token — as `window.rostrum`. No ipcRenderer, no functions, nothing else. The
// main process answers only its own windows showing its own server; to anyone else it answers
// null, and then nothing is exposed (the page falls back to a `?token=` link, like a browser).

import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL, PRELOAD_INFO_CHANNEL, isPreloadApi, type PreloadApi } from '../../shared/contract/preload-api';

const answer: unknown = ipcRenderer.sendSync(PRELOAD_INFO_CHANNEL);

if (isPreloadApi(answer)) {
  // Copied field by field: whatever else the answer might carry stays behind.
  const api = { serverUrl: answer.serverUrl, role: answer.role, token: answer.token } satisfies PreloadApi;
  contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
}
