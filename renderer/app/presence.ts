import { pageOfPath } from '../../shared/contract/displays';
import type { PageView as View } from '../../shared/contract/http';
import type { DisplayHello } from '../../shared/contract/presence';
import { currentLanguage, useLanguageStore } from '../i18n/i18n';
import { isBareLink } from './bare-link';
import { deviceId } from './device-id';
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

/** Says hello again (after a redirect changed this page's parameters, e.g. `?bare=1`). */
export function announceAgain(): void {
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
      // #19: which page (the speaker bundle also serves /audience), and whose name the server remembers.
      page: pageOfPath(window.location.pathname) ?? view,
      deviceId: deviceId(),
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
