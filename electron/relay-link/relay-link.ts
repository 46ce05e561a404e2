import { io, type Socket } from 'socket.io-client';
import { apiError } from '../../shared/contract/errors';
import {
  LINK_NAMESPACE,
  MAIN_CHANNEL,
  REMOTE_ROLES,
  VENUE_ROLE_OF_REMOTE,
  grantAllows,
  type LinkAuth,
  type RelayLinkState,
  type RelayToVenueEvents,
  type RemoteGrant,
  type VenueToRelayEvents,
} from '../../shared/contract/relay';
import type { RostrumCore } from '../server/core';
import { makeSnapshot } from '../server/snapshot';

type LinkSocket = Socket<RelayToVenueEvents, VenueToRelayEvents>;

/** How often the venue measures the round trip to the relay. */
const PING_EVERY_MS = 2000;

export interface RelayLinkOptions {
  core: RostrumCore;
  /** The channel this link feeds: the room's id (`main` by default); each room is linked as its own. */
  channel?: string;
  /** The relay's base URL (http(s)://host:port). */
  url: string;
  key: string;
  /** The tokens and the remote roles switched off, as the relay is told them. */
  remoteTokens: () => RemoteGrant;
  log: (line: string) => void;
}

export interface RelayLinkStatus {
  state: RelayLinkState;
  rttMs: number | null;
  /** The relay's public URL, once it has said it. */
  publicUrl: string | null;
  lastError: string | null;
}

export interface RelayLink {
  status(): RelayLinkStatus;
  /** The remote tokens changed (rotated, co-host switched): tells the relay, which drops viewers of old ones. */
  tokensChanged(): void;
  /**
   * The room is gone: tells the relay its tokens are none any more (its viewers go, its links stop
   * working), then closes; while the link is down, as soon as it is back.
   */
  revoke(): void;
  close(): void;
}

/**
 * The venue's link out to a relay (docs/remote.md). Nothing at the venue waits for it: patches are
 * handed over after the command has been answered (`setImmediate`), only while connected (no
 * buffer grows while the relay is away: a reconnect starts with a fresh snapshot), and nothing
 * on the command path awaits the network. socket.io reconnects with backoff by itself; a refused
 * key stops it, and says so.
 */
export function startRelayLink(o: RelayLinkOptions): RelayLink {
  let state: RelayLinkState = 'connecting';
  let rttMs: number | null = null;
  let publicUrl: string | null = null;
  let lastError: string | null = null;
  const channel = o.channel ?? MAIN_CHANNEL;
  const auth: LinkAuth = { key: o.key, channel };
  // main's lines read as before rooms; another room's say which room.
  const at = channel === MAIN_CHANNEL ? o.url : `${o.url} (room "${channel}")`;
  const socket: LinkSocket = io(new URL(LINK_NAMESPACE, o.url).href, {
    auth,
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });

  const sendSnapshot = () => {
    if (socket.connected) socket.emit('link:snapshot', makeSnapshot(o.core.state, o.core.clock.now(), o.core.startupWarning));
  };
  /** The room was removed while the link was down: its tokens are withdrawn as soon as it is back, then it closes. */
  let withdrawing = false;
  socket.on('connect', () => {
    if (withdrawing) return withdraw();
    state = 'connected';
    lastError = null;
    o.log(`Rostrum: linked to the relay at ${at}`);
    socket.emit('link:tokens', o.remoteTokens());
    sendSnapshot();
  });
  socket.on('disconnect', (reason) => {
    if (state === 'refused') return;
    state = 'connecting';
    rttMs = null;
    lastError = `link lost (${reason})`;
    o.log(`Rostrum: the link to the relay at ${at} was lost (${reason}); reconnecting`);
  });
  socket.on('connect_error', (error) => {
    if (!socket.active) {
      state = 'refused';
      lastError = error.message;
      o.log(`Rostrum: the relay at ${at} refused the link: ${error.message}`);
      return;
    }
    if (lastError !== error.message) o.log(`Rostrum: cannot reach the relay at ${at} (${error.message}); retrying`);
    state = 'connecting';
    lastError = error.message;
  });
  socket.on('link:welcome', (welcome) => {
    if (typeof welcome?.publicUrl === 'string' && /^https?:\/\//.test(welcome.publicUrl)) publicUrl = welcome.publicUrl;
  });
  socket.on('link:resync', sendSnapshot);
  socket.on('link:time', (ack) => {
    if (typeof ack === 'function') ack(o.core.clock.now());
  });
  socket.on('link:command', (command, role, ack) => {
    if (typeof ack !== 'function') return;
    const venueRole = REMOTE_ROLES.includes(role) ? VENUE_ROLE_OF_REMOTE[role] : null;
    // A remote moderator's command counts only while that remote role is switched on here: the
    // venue decides again, whatever the relay let through.
    if (venueRole === null || !grantAllows(o.remoteTokens(), role)) {
      ack({ ok: false, error: apiError('forbidden', `a remote ${String(role)} link may not send commands`) });
      return;
    }
    try {
      ack(o.core.execute(command, venueRole));
    } catch (error) {
      ack({ ok: false, error: apiError('internal', `internal error: ${(error as Error).message}`) });
    }
  });

  const unsubscribe = o.core.onPatch((patch) => {
    setImmediate(() => {
      if (socket.connected) socket.emit('link:patch', patch);
    });
  });
  const ping = () => {
    if (!socket.connected) return;
    const sentAt = performance.now();
    socket.timeout(PING_EVERY_MS * 2).emit('link:ping', (err: Error | null) => {
      if (!socket.connected) return;
      if (!err) {
        rttMs = Math.round(performance.now() - sentAt);
        return;
      }
      // A silent path (socket.io's own heartbeat takes up to 45 s to notice): connect afresh.
      rttMs = null;
      lastError = `the relay did not answer for ${(PING_EVERY_MS * 2) / 1000} s`;
      socket.io.engine.close();
    });
  };
  socket.on('connect', ping);
  const pinger = setInterval(ping, PING_EVERY_MS);
  pinger.unref();
  const close = () => {
    clearInterval(pinger);
    unsubscribe();
    socket.disconnect();
  };
  /**
   * Tells the relay the room's tokens are none any more (its viewers go), then closes. Not at once:
   * a disconnect read in the same chunk as the tokens is handled first on the relay's side, which
   * then drops the tokens as "received after disconnection". The relay answers a ping in order, so
   * once it has, it has taken the tokens.
   */
  const withdraw = () => {
    socket.emit('link:tokens', { speaker: null, booth: null, audience: null, moderator: null, off: [] });
    socket.timeout(PING_EVERY_MS * 2).emit('link:ping', () => close());
  };

  return {
    status: () => ({ state, rttMs, publicUrl, lastError }),
    // Not connected: the tokens go first thing on the next connect anyway.
    tokensChanged: () => void (socket.connected && socket.emit('link:tokens', o.remoteTokens())),
    revoke: () => {
      withdrawing = true;
      unsubscribe();
      // Not connected (the internet is down): the relay still holds the room's tokens, so the link
      // waits to reconnect, says "none" and only then closes (unless it is closed first).
      if (socket.connected) withdraw();
    },
    close,
  };
}
