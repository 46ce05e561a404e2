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
import { MAIN_ROOM, ROOM_PARAM } from '../../shared/contract/rooms';
import type { RoomRegistry } from '../rooms/room-registry';
import { roomScopeRefusal } from '../rooms/room-access';

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
  onDisplayOffline?: (display: ConnectedDisplay, room: string) => void;
}

/** Display management (#19): where the console's names are kept, and who wants the presence list. */
export interface PresenceOptions {
  names?: DisplayNameBook;
  /** Told of each room's presence list as it is made (`main`'s first). */
  onPresence?: (room: string, presence: DisplayPresence) => void;
}

/** Sockets of the control role: the only ones told who else is connected. */
const CONTROL_ROOM = 'control';

type RefusalError = Error & { data: { code: ApiError['code'] } };
const refusal = (code: ApiError['code'], message: string): RefusalError => Object.assign(new Error(message), { data: { code } });

/** The socket.io room of an event room's channel: its patches and snapshot go to these sockets only. */
export const roomChannel = (room: string): string => `room:${room}`;
/** Where a room's control sockets hear who is connected (`main` keeps today's channel). */
const controlChannel = (room: string): string => (room === MAIN_ROOM ? CONTROL_ROOM : `${CONTROL_ROOM}:${room}`);

/** The room a handshake asks for (query `room`); absent or empty: `main`. */
function handshakeRoom(query: unknown): string {
  const value = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)[ROOM_PARAM] : undefined;
  return typeof value === 'string' && value !== '' ? value : MAIN_ROOM;
}

export function attachSocketServer(http: HttpServer, core: RostrumCore, tokens: () => Tokens, guards: SocketGuards = {}, displays: PresenceOptions = {}, rooms?: RoomRegistry): RostrumIo {
  const coreOf = (room: string): RostrumCore | undefined => (rooms ? rooms.core(room) : room === MAIN_ROOM ? core : undefined);
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
    const principal = authenticate(socket, tokens(), rooms);
    const access = socketCaller(principal);
    if (!access.ok) return next(refusal(access.error.code, access.error.message));
    const role = access.role;
    const room = handshakeRoom(socket.handshake.query);
    if (!coreOf(room)) return next(refusal('not-found', `no room "${room.slice(0, 40)}"`));
    const scope = roomScopeRefusal(principal, { room });
    if (scope) return next(refusal(scope.code, scope.message));
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
    socket.data.room = room;
    socket.data.roomToken = principal.presented.handshake?.room !== undefined && principal.presented.handshake.room !== MAIN_ROOM;
    next();
  });

  const orders: DisplayOrders = {
    identify: (id, order) => io.sockets.sockets.get(id)?.emit('display:identify', order),
    redirect: (id, order) => io.sockets.sockets.get(id)?.emit('display:redirect', order),
    reload: (id) => io.sockets.sockets.get(id)?.emit('display:reload'),
  };
  const onDisplayOffline = guards.onDisplayOffline;
  // One presence list per room: a room's console hears about its own displays, and acts on them.
  const presences = new Map<string, DisplayPresence>();
  const presenceOf = (room: string): DisplayPresence => {
    let presence = presences.get(room);
    if (!presence) {
      const made = new DisplayPresence((list) => io.to(controlChannel(room)).emit('displays:update', list), () => core.clock.now(), undefined, displays.names);
      coreOf(room)?.handleDisplayCommands((cmd) => runDisplayCommand(cmd, made, orders));
      if (onDisplayOffline) made.subscribe((event) => event.type === 'offline' && onDisplayOffline(event.display, room));
      displays.onPresence?.(room, made);
      presences.set(room, made);
      presence = made;
    }
    return presence;
  };
  http.on('close', () => {
    for (const presence of presences.values()) presence.close();
  });

  const rateLimit = guards.rateLimit ?? DEFAULT_RATE_LIMIT;
  io.on('connection', (socket) => {
    const room = socket.data.room ?? MAIN_ROOM;
    const roomCore = coreOf(room)!;
    const presence = presenceOf(room);
    const snapshotFor = (role: Role | null) => makeSnapshot(roomCore.state, roomCore.clock.now(), startupWarningFor(roomCore, role));
    void socket.join(roomChannel(room));
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
      void socket.join(controlChannel(room));
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
        ack(roomCore.execute(command, socket.data.role));
      } catch (error) {
        ack({ ok: false, error: apiError('internal', `internal error: ${(error as Error).message}`) });
      }
    });
  });

  // Each room's patches go to its own channel only.
  const unsubscribe = new Map<RostrumCore, () => void>();
  const broadcast = (room: string, roomCore: RostrumCore) => {
    presenceOf(room);
    unsubscribe.set(roomCore, roomCore.onPatch((patch) => io.to(roomChannel(room)).emit('state:patch', patch)));
  };
  if (rooms) {
    rooms.forEach((r) => broadcast(r.info.id, r.core));
    rooms.onAdded((r) => broadcast(r.info.id, r.core));
    // A room's own token rotated: the room's sockets that used the old one are dropped (the producer's stay).
    rooms.onRotated((room, role) => {
      let disconnected = 0;
      for (const socket of io.sockets.sockets.values()) {
        if (socket.data.room !== room || socket.data.role !== role || !socket.data.roomToken) continue;
        socket.disconnect(true);
        disconnected += 1;
      }
      return disconnected;
    });
    // A removed room's sockets are dropped: they find the room gone when they connect again.
    rooms.onRemoved((r) => {
      unsubscribe.get(r.core)?.();
      unsubscribe.delete(r.core);
      io.in(roomChannel(r.info.id)).disconnectSockets(true);
      presences.get(r.info.id)?.close();
      presences.delete(r.info.id);
    });
  } else {
    broadcast(MAIN_ROOM, core);
  }
  return io;
}
