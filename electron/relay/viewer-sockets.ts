import type { IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import { apiError } from '../../shared/contract/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/events';
import { MAIN_CHANNEL, REMOTE_ROLES, VENUE_ROLE_OF_REMOTE, grantAllows, type RemoteRole } from '../../shared/contract/relay';
import type { Snapshot } from '../../shared/contract/state';
import { DEFAULT_RATE_LIMIT, TokenBucket, type RateLimit } from '../server/rate-limit';
import { authenticateRemote } from '../server/authenticate';
import { ConnectionCaps } from '../server/connection-caps';
import type { VenueLinks } from './venue-links';

interface ViewerData {
  channel: string;
  remoteRole: RemoteRole;
  token: string;
}

type ViewerSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, ViewerData>;

export const room = (channel: string): string => `channel:${channel}`;

/** The channel of the token a handshake presents (`auth.token`): main when it is none of theirs. */
function channelOfHandshake(auth: unknown, links: Pick<VenueLinks, 'channelOf'>): string {
  const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
  return (typeof token === 'string' && token !== '' ? links.channelOf(token) : null) ?? MAIN_CHANNEL;
}

/**
 * Remote views on the relay's default namespace, with the same events as at the venue, so the
 * views do not know which they reached. Every socket needs a remote token; the relay learns them
 * from the venue, so before the venue has linked it asks views to come back later (not "refused":
 * a view gives up on a refused token). Commands go to the venue, which checks them again.
 */
/** How many remote views one client address may hold open, and how to tell a handshake's address. */
export interface ViewerCaps {
  perAddress: number;
  addressOf: (req: IncomingMessage) => string;
}

export function attachViewerSockets(
  io: Server,
  links: VenueLinks,
  latest: (channel: string) => Snapshot | null,
  rateLimit: RateLimit = DEFAULT_RATE_LIMIT,
  caps: ViewerCaps = { perAddress: Number.POSITIVE_INFINITY, addressOf: (req) => req.socket.remoteAddress ?? '' },
): void {
  const viewers = io.of('/');
  // Per client address only: a remote link's token is shared by every attendee, so it has no cap of its own.
  const open = new ConnectionCaps({ perAddress: caps.perAddress, perToken: Number.POSITIVE_INFINITY });
  viewers.use((socket, next) => {
    // The token picks the channel (each room of the venue is one, with its own tokens); a token no
    // channel knows is judged against main's, as before rooms went through the relay.
    const channel = channelOfHandshake(socket.handshake.auth, links);
    const tokens = links.tokens(channel);
    if (tokens === null) return next(new Error('venue-unavailable: the venue has not linked to this relay yet'));
    const given = authenticateRemote(socket, tokens, REMOTE_ROLES).presented.handshake;
    const remoteRole = given?.role ?? null;
    if (given === undefined || remoteRole === null) return next(new Error('unauthorized: the token is not valid'));
    if (!grantAllows(tokens, remoteRole)) return next(new Error(`forbidden: the remote ${remoteRole} is switched off at the venue`));
    const admitted = open.admit(caps.addressOf(socket.request), null);
    if (!admitted.ok) return next(new Error(`rate-limited: ${admitted.message}`));
    socket.conn.once('close', admitted.release);
    (socket as ViewerSocket).data = { channel, remoteRole, token: given.token };
    next();
  });

  viewers.on('connection', (raw) => {
    const socket = raw as ViewerSocket;
    const { channel, remoteRole } = socket.data;
    void socket.join(room(channel));
    const bucket = new TokenBucket(rateLimit);
    socket.use((packet, next) => {
      if (bucket.take()) return next();
      const ack: unknown = packet[packet.length - 1];
      const error = apiError('rate-limited', `too many messages: at most ${rateLimit.perSecond} a second on one connection`);
      if (typeof ack === 'function') (ack as (a: unknown) => void)({ ok: false, error });
    });
    const sendLatest = () => {
      const snapshot = latest(channel);
      if (snapshot) socket.emit('state:snapshot', snapshot);
    };
    sendLatest();
    socket.emit('displays:update', []);
    socket.emit('relay:venue', links.state(channel));

    socket.on('state:request', sendLatest);
    socket.on('time:ping', (clientSentAt, ack) => {
      if (typeof ack !== 'function') return;
      // The venue's clock as the relay estimates it: views estimate the venue through two hops.
      ack({ clientSentAt: Number.isFinite(clientSentAt) ? clientSentAt : 0, serverTime: links.venueNow(channel) });
    });
    socket.on('command', (command, ack) => {
      if (typeof ack !== 'function') return;
      if (VENUE_ROLE_OF_REMOTE[remoteRole] === null) {
        ack({ ok: false, error: apiError('forbidden', `a remote ${remoteRole} link may not send commands`) });
        return;
      }
      void links.forward(channel, command, remoteRole).then(ack);
    });
    // Presence (`display:hello`) stays at the relay for now: the console does not list remote displays yet.
  });
}

/** After the venue sent new remote tokens: viewers whose token is no longer one of them are dropped. */
export function dropStaleViewers(io: Server, channel: string, valid: (token: string) => boolean): void {
  for (const socket of io.of('/').sockets.values()) {
    const data = (socket as ViewerSocket).data as ViewerData | undefined;
    if (data?.channel === channel && !valid(data.token)) socket.disconnect(true);
  }
}
