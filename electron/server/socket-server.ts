import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/contract/events';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { displayHelloSchema, type ConnectedDisplay } from '../../shared/contract/presence';
import type { Role } from '../../shared/contract/roles';
import { ConnectionCaps, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connection-caps';
import type { RostrumCore } from './core';
import { MAX_BODY_BYTES } from '../http/read-body';
import { FairInbox } from './fair-inbox';
import { makePollingFair } from './fair-polling';
import { FairWebSocketServer } from './fair-websocket';
import { TokenBucket, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit';
import type { RequestGuard } from './request-guard';
import { DisplayPresence } from './display-presence';
import { runDisplayCommand, type DisplayOrders } from './display-commands';
import type { DisplayNameBook } from './display-names';
import { guardSocketHandshakes } from './handshake-guard';
import { makeSnapshot, startupWarningFor } from './snapshot';
import type { Tokens } from './tokens';
import { socketCaller } from './access';
import { authenticate } from './authenticate';

export type RostrumIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * socket.io on the same port. A socket presents its token in the handshake; without one it only
 * receives. Every change goes out once as a `state:patch`, serialised once for all clients.
 */
export interface SocketGuards {
  /** Host allow-list and Origin check on the handshake. */
  guard?: RequestGuard;
  /** Per-socket token bucket for inbound events. */
  rateLimit?: RateLimit;
  /** Open connections per remote address and per token. */
  connectionLimits?: ConnectionLimits;
  /** A display went away (docs/automation.md, display.offline). */
  onDisplayOffline?: (display: ConnectedDisplay) => void;
}

/** Display management (#19): where the console's names are kept, and who wants the presence list. */
export interface PresenceOptions {
  names?: DisplayNameBook;
  onPresence?: (presence: DisplayPresence) => void;
}

/** Sockets of the control role: the only ones told who else is connected. */
const CONTROL_ROOM = 'control';

type RefusalError = Error & { data: { code: ApiError['code'] } };
const refusal = (code: ApiError['code'], message: string): RefusalError => Object.assign(new Error(message), { data: { code } });

export function attachSocketServer(http: HttpServer, core: RostrumCore, tokens: () => Tokens, guards: SocketGuards = {}, displays: PresenceOptions = {}): RostrumIo {
  const { guard } = guards;
  const io: RostrumIo = new Server(http, {
    serveClient: false,
    wsEngine: FairWebSocketServer,
    maxHttpBufferSize: MAX_BODY_BYTES,
  });
  if (guard) guardSocketHandshakes(http, guard);

  makePollingFair(io.engine);

  const caps = new ConnectionCaps(guards.connectionLimits ?? DEFAULT_CONNECTION_LIMITS);
  io.use((socket, next) => {
    const principal = authenticate(socket, tokens());
    const access = socketCaller(principal);
    if (!access.ok) return next(refusal(access.error.code, access.error.message));
    const role = access.role;
    const admitted = caps.admit(socket.handshake.address, role === null ? null : principal.presented.handshake!.token);
    if (!admitted.ok) return next(refusal('rate-limited', admitted.message));
    // Released once, whichever comes first: the namespace left (the connection may stay open and
    // connect again) or the connection closed (before the socket ever connected, too).
    const release = () => {
      admitted.release();
      socket.conn.off('close', release);
    };
    socket.on('disconnect', release);
    socket.conn.once('close', release);
    socket.data.role = role;
    next();
  });

  const presence = new DisplayPresence((list) => io.to(CONTROL_ROOM).emit('displays:update', list), () => core.clock.now(), undefined, displays.names);
  http.on('close', () => presence.close());
  displays.onPresence?.(presence);
  const orders: DisplayOrders = {
    identify: (id, order) => io.sockets.sockets.get(id)?.emit('display:identify', order),
    redirect: (id, order) => io.sockets.sockets.get(id)?.emit('display:redirect', order),
    reload: (id) => io.sockets.sockets.get(id)?.emit('display:reload'),
  };
  core.handleDisplayCommands((cmd) => runDisplayCommand(cmd, presence, orders));
  const onDisplayOffline = guards.onDisplayOffline;
  if (onDisplayOffline) presence.subscribe((event) => event.type === 'offline' && onDisplayOffline(event.display));
  const snapshotFor = (role: Role | null) => makeSnapshot(core.state, core.clock.now(), startupWarningFor(core, role));

  const rateLimit = guards.rateLimit ?? DEFAULT_RATE_LIMIT;
  io.on('connection', (socket) => {
    const bucket = new TokenBucket(rateLimit);
    const inbox = new FairInbox();
    socket.use((packet, next) => {
      presence.seen(socket.id);
      // Within the limit: run now, or after the other clients' I/O if this one sends a lot at once.
      if (bucket.take()) return inbox.run(next);
      const ack: unknown = packet[packet.length - 1];
      const error = apiError('rate-limited', `too many messages: at most ${rateLimit.perSecond} a second on one connection`);
      if (typeof ack === 'function') (ack as (a: unknown) => void)({ ok: false, error });
    });
    socket.on('disconnect', () => inbox.close());
    socket.emit('state:snapshot', snapshotFor(socket.data.role));
    if (socket.data.role === 'control') {
      void socket.join(CONTROL_ROOM);
      socket.emit('displays:update', presence.list());
    }

    socket.on('display:hello', (hello) => {
      const parsed = displayHelloSchema.safeParse(hello);
      if (parsed.success) presence.hello(socket.id, socket.data.role, parsed.data, socket.handshake.address);
    });
    socket.on('disconnect', () => presence.leave(socket.id));

    socket.on('state:request', () => {
      socket.emit('state:snapshot', snapshotFor(socket.data.role));
    });

    socket.on('time:ping', (clientSentAt, ack) => {
      if (typeof ack !== 'function') return;
      ack({ clientSentAt: Number.isFinite(clientSentAt) ? clientSentAt : 0, serverTime: core.clock.now() });
    });

    socket.on('command', (command, ack) => {
      if (typeof ack !== 'function') return;
      try {
        ack(core.execute(command, socket.data.role));
      } catch (error) {
        ack({ ok: false, error: apiError('internal', `internal error: ${(error as Error).message}`) });
      }
    });
  });

  core.onPatch((patch) => io.emit('state:patch', patch));
  return io;
}
