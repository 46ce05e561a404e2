import type { PageView as View } from '../../shared/contract/http';
import type { HandshakeAuth } from '../../shared/contract/events';
import { roomOfPath } from '../../shared/contract/rooms';
import { openSocketLink, type LinkSink } from './socket-link';
import type { RostrumSocket } from './socket-types';
import { receivePatch, receiveSnapshot, setLink, useRostrum } from './store';
import { setVenueLink } from './venue-link';
import { replaceToken, takeToken } from './token';

let socket: RostrumSocket | null = null;

export const getSocket = (): RostrumSocket | null => socket;

/** While this page rotates its own role's token, a drop by the server is expected: wait for the new one. */
let awaitingOwnToken = false;

/**
 * Call before this page rotates its own role's token; call the returned function with the new
 * token (or null if the rotation failed). The server drops the socket that used the old token, so
 * it reconnects with the new one rather than being refused with the old.
 */
export function rotateOwnToken(view: View): (token: string | null) => void {
  awaitingOwnToken = true;
  return (token) => {
    awaitingOwnToken = false;
    if (token !== null) {
      replaceToken(view, token);
      if (socket) socket.auth = { token } satisfies HandshakeAuth;
    }
    if (socket && (token !== null || !socket.connected)) socket.disconnect().connect();
  };
}

/**
 * Connects this display to the server that served it, feeding the views' store (socket-link.ts
 * holds the link itself). Call once at start-up.
 */
export function connect(view: View): RostrumSocket {
  if (socket) return socket;
  // `/r/<id>/<view>` joins room <id>'s channel (#18); every other path `main`'s.
  const sink: LinkSink = { snapshot: receiveSnapshot, patch: receivePatch, link: () => useRostrum.getState().link, setLink };
  const s = openSocketLink({ token: takeToken(view), room: roomOfPath(window.location.pathname), dropExpected: () => awaitingOwnToken }, sink);
  socket = s;
  // Only a relay sends this (docs/remote.md): at the venue the state stays null and nothing shows.
  s.on('relay:venue', setVenueLink);
  return s;
}
