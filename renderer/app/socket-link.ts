import { io } from 'socket.io-client';
import type { HandshakeAuth } from '../../shared/contract/events';
import type { LinkStatus } from '../../shared/contract/link-status';
import { MAIN_ROOM, ROOM_PARAM } from '../../shared/contract/rooms';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import type { PatchResult } from '../../shared/contract/state-sync';
import { seedServerClock } from './server-clock';
import type { RostrumSocket } from './socket-types';
import { startTimeSync } from './time-sync';

/** A refused handshake is retried after this long, unless the token itself was refused. */
const RETRY_REFUSED_MS = 5000;
/** While waiting for a snapshot asked for after a gap, ask again after this long. */
const RESYNC_AGAIN_MS = 2000;

/** Where a link's news goes: the views' store (connection.ts), or the lower third's own variables. */
export interface LinkSink {
  snapshot(snapshot: Snapshot): void;
  /** Applies a patch if it is the next revision; on a gap the link asks for a fresh snapshot. */
  patch(patch: StatePatch): PatchResult['kind'];
  link(): LinkStatus;
  setLink(link: LinkStatus): void;
}

export interface SocketLinkOptions {
  token: string | undefined;
  /** The channel to join (#18): `main` sends no room in the handshake. */
  room: string;
  /** True while a drop by the server is expected (this page rotates its own token): do not reconnect with the old one. */
  dropExpected?: () => boolean;
}

/**
 * Connects a page to the server that served it (same origin), without React or a store, so the
 * lower third can use it too. socket.io reconnects by itself; on every (re)connect the server
 * sends a fresh snapshot, and a patch that skips a revision asks for one. Each snapshot seeds the
 * server clock; time:ping (time-sync.ts) refines it and tells whether the link is alive.
 */
export function openSocketLink(options: SocketLinkOptions, sink: LinkSink): RostrumSocket {
  const auth: HandshakeAuth = {};
  if (options.token !== undefined) auth.token = options.token;
  // WebSocket first (a LAN: no proxies to defeat it), long-polling only if it cannot connect.
  // After a drop, retry at least once a second (socket.io's default backs off to every 5 s): a
  // display must pick the server up again as soon as it is back.
  const s: RostrumSocket = io({
    auth,
    ...(options.room === MAIN_ROOM ? {} : { query: { [ROOM_PARAM]: options.room } }),
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 1000,
  });

  let resyncAskedAt = -Infinity;
  s.on('state:snapshot', (snapshot) => {
    resyncAskedAt = -Infinity;
    seedServerClock(snapshot.serverTime);
    sink.snapshot(snapshot);
  });
  s.on('state:patch', (patch) => {
    if (sink.patch(patch) !== 'gap' || !s.connected || Date.now() - resyncAskedAt < RESYNC_AGAIN_MS) return;
    resyncAskedAt = Date.now();
    s.emit('state:request');
  });
  // Dropped by the server (its token was rotated): try again, so that a display whose link is no
  // longer valid says so instead of just "offline".
  s.on('disconnect', (reason) => {
    if (reason === 'io server disconnect' && !options.dropExpected?.()) s.connect();
  });
  s.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    // The server cannot be reached; socket.io keeps retrying by itself.
    if (s.active) return sink.setLink('offline');
    // The server refused the handshake.
    if (/unauthori[sz]ed|forbidden/i.test(err.data?.code ?? err.message)) return sink.setLink('unauthorized');
    sink.setLink('offline');
    setTimeout(() => s.connect(), RETRY_REFUSED_MS);
  });

  startTimeSync(s, (alive) => {
    if (sink.link() === 'unauthorized' && !alive) return;
    if (alive) sink.setLink('online');
    else if (s.connected || sink.link() !== 'connecting') sink.setLink('offline');
  });
  return s;
}
