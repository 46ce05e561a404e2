import { ipcMain, type IpcMainEvent } from 'electron';
import { PRELOAD_INFO_CHANNEL, type PreloadApi } from '../../shared/contract/preload-api';

/**
 * The main process's only IPC: the preload's synchronous request for its window's PreloadApi.
 * `answer` decides from the sender (see ShellWindows.preloadInfo); a sender that is not one of
 * the app's windows on the app's server gets null, i.e. nothing. The reply is always set: a
 * sendSync left unanswered would hang that renderer.
 */
export function registerPreloadIpc(answer: (event: IpcMainEvent) => PreloadApi | null): () => void {
  const listener = (event: IpcMainEvent) => {
    let reply: PreloadApi | null = null;
    try {
      reply = answer(event);
    } finally {
      event.returnValue = reply;
    }
  };
  ipcMain.on(PRELOAD_INFO_CHANNEL, listener);
  return () => ipcMain.removeListener(PRELOAD_INFO_CHANNEL, listener);
}
