import { ipcMain, type IpcMainEvent } from 'electron';
import { PRELOAD_INFO_CHANNEL, parsePreloadRequest, type PreloadAnswer, type PreloadRequest } from '../../shared/contract/preload-api';

/**
 * The main process's only IPC: the preload's synchronous request for its window's PreloadApi
 * (which carries the page's preferences, see view-preferences.ts).
 * `answer` decides from the sender (see ShellWindows.preloadInfo); a sender that is not one of
 * the app's windows on the app's server gets null, i.e. nothing. The reply is always set: a
 * sendSync left unanswered would hang that renderer.
 */
export function registerPreloadIpc(answer: (event: IpcMainEvent, request: PreloadRequest | null) => PreloadAnswer | null): () => void {
  const listener = (event: IpcMainEvent, body?: unknown) => {
    let reply: PreloadAnswer | null = null;
    try {
      reply = answer(event, parsePreloadRequest(body));
    } finally {
      event.returnValue = reply;
    }
  };
  ipcMain.on(PRELOAD_INFO_CHANNEL, listener);
  return () => ipcMain.removeListener(PRELOAD_INFO_CHANNEL, listener);
}
