import { create } from 'zustand';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import type { RostrumSocket } from './socket-types';

export interface DisplaysState {
  /** The displays connected to the server, as it last told us (`displays:update`). */
  displays: readonly ConnectedDisplay[];
  /** False before the first update and while disconnected: the list may be out of date. */
  known: boolean;
}

/** Who is watching. Presence is not state: it lives beside the snapshot, not in it. */
export const useDisplays = create<DisplaysState>(() => ({ displays: [], known: false }));

/** Keeps `useDisplays` up to date from the server's `displays:update`. Returns a function that stops it. */
export function listenForDisplays(socket: RostrumSocket): () => void {
  const onUpdate = (displays: ConnectedDisplay[]) => useDisplays.setState({ displays, known: true });
  const onDisconnect = () => useDisplays.setState({ known: false });
  socket.on('displays:update', onUpdate);
  socket.on('disconnect', onDisconnect);
  return () => {
    socket.off('displays:update', onUpdate);
    socket.off('disconnect', onDisconnect);
  };
}
