import type { PageView as View } from '../../shared/contract/http';
import type { DisplayHello } from '../../shared/contract/presence';
import { currentLanguage, useLanguageStore } from '../i18n/i18n';
import { isBareLink } from './bare-link';
import type { RostrumSocket } from './socket-types';

/** What a view adds to its hello besides view and language (the booth: its name and direction). */
export type PresenceDetails = Pick<DisplayHello, 'name' | 'direction'>;

let details: PresenceDetails = {};
const detailListeners = new Set<() => void>();

/** Sets this display's name and direction, and says hello again with them. */
export function setPresenceDetails(next: PresenceDetails): void {
  details = { ...next };
  for (const listener of detailListeners) listener();
}

/**
 * Introduces this display to the server (`display:hello`) on every connect, and again whenever
 * its language changes, so the console can list who is watching. Presence is not state.
 */
export function startPresence(socket: RostrumSocket, view: View): () => void {
  const hello = () => {
    if (!socket.connected) return;
    const message: DisplayHello = {
      ...details,
      view,
      language: currentLanguage(useLanguageStore.getState()),
      ...(view === 'speaker' && isBareLink() ? { bare: true } : {}),
    };
    socket.emit('display:hello', message);
  };
  socket.on('connect', hello);
  const unsubscribe = useLanguageStore.subscribe((now, before) => {
    if (currentLanguage(now) !== currentLanguage(before)) hello();
  });
  detailListeners.add(hello);
  hello();
  return () => {
    socket.off('connect', hello);
    detailListeners.delete(hello);
    unsubscribe();
  };
}
