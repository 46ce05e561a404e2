import { io } from 'socket.io-client';
import type { PageView as View } from '../../shared/contract/http';
import type { HandshakeAuth } from '../../shared/contract/events';
import { MAIN_ROOM, ROOM_PARAM, roomOfPath } from '../../shared/contract/rooms';
import { seedServerClock } from './server-clock';
import type { RostrumSocket } from './socket-types';
import { receivePatch, receiveSnapshot, setLink, useRostrum } from './store';
import { startTimeSync } from './time-sync';
import { setVenueLink } from './venue-link';
import { replaceToken, takeToken } from './token';

/** A refused handshake is retried after this long, unless the token itself was refused. */
const RETRY_REFUSED_MS = 5000;
/** While waiting for a snapshot asked for after a gap, ask again after this long. */
const RESYNC_AGAIN_MS = 2000;

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
 * Connects this display to the server that served it (same origin). Call once at start-up.
 * socket.io reconnects by itself; on every (re)connect the server sends a fresh snapshot.
 */
export function connect(view: View): RostrumSocket {
  if (socket) return socket;
  const auth: HandshakeAuth = {};
  const token = takeToken(view);
  if (token !== undefined) auth.token = token;
  // WebSocket first (a LAN: no proxies to defeat it), long-polling only if it cannot connect.
  // After a drop, retry at least once a second (socket.io's default backs off to every 5 s): a
  // display must pick the server up again as soon as it is back.
  // `/r/<id>/<view>` joins room <id>'s channel (#18); every other path `main`'s.
  const room = roomOfPath(window.location.pathname);
  const s: RostrumSocket = io({
    auth,
    ...(room === MAIN_ROOM ? {} : { query: { [ROOM_PARAM]: room } }),
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 1000,
  });
  socket = s;

  let resyncAskedAt = -Infinity;
  const askForSnapshot = () => {
    const now = Date.now();
    if (now - resyncAskedAt < RESYNC_AGAIN_MS || !s.connected) return;
    resyncAskedAt = now;
    s.emit('state:request');
  };

  s.on('state:snapshot', (snapshot) => {
    resyncAskedAt = -Infinity;
    seedServerClock(snapshot.serverTime);
    receiveSnapshot(snapshot);
  });
  // Only a relay sends this (docs/remote.md): at the venue the state stays null and nothing shows.
  s.on('relay:venue', setVenueLink);
  s.on('state:patch', (patch) => {
    if (receivePatch(patch) === 'gap') askForSnapshot();
  });
  // Dropped by the server (its token was rotated): try again, so that a display whose link is no
  // longer valid says so instead of just "offline".
  s.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && !awaitingOwnToken) s.connect();
  });
  s.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (s.active) {
      // The server cannot be reached; socket.io keeps retrying by itself.
      setLink('offline');
      return;
    }
    // The server refused the handshake.
    const code = err.data?.code ?? err.message;
    if (/unauthori[sz]ed|forbidden/i.test(code)) {
      setLink('unauthorized');
    } else {
      setLink('offline');
      setTimeout(() => s.connect(), RETRY_REFUSED_MS);
    }
  });

  startTimeSync(s, (alive) => {
    if (useRostrum.getState().link === 'unauthorized' && !alive) return;
    if (alive) setLink('online');
    else if (s.connected || useRostrum.getState().link !== 'connecting') setLink('offline');
  });
  return s;
}
