import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/contract/events';
import { apiError } from '../../shared/contract/errors';
import { displayHelloSchema, type ConnectedDisplay } from '../../shared/contract/presence';
import type { RostrumCore } from './core';
import { MAX_BODY_BYTES } from './http-util';
import { FairInbox } from './fair-inbox';
import { makePollingFair } from './fair-polling';
import { FairWebSocketServer } from './fair-websocket';
import { TokenBucket, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit';
import { isTrustedRequest, type RequestGuard } from './request-guard';
import { makeSnapshot } from './snapshot';
import { roleForToken, type Tokens } from './tokens';

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
}

export function attachSocketServer(http: HttpServer, core: RostrumCore, tokens: () => Tokens, guards: SocketGuards = {}): RostrumIo {
  const { guard } = guards;
  const io: RostrumIo = new Server(http, {
    serveClient: false,
    wsEngine: FairWebSocketServer,
    maxHttpBufferSize: MAX_BODY_BYTES,
    ...(guard
      ? {
          allowRequest: (req, callback) => {
            const refusal = guard.check(req);
            callback(refusal ? refusal.message : null, refusal === null);
          },
        }
      : {}),
  });

  makePollingFair(io.engine);

  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (token === undefined || token === null || token === '') {
      if (!isTrustedRequest(socket.request)) return next(new Error('unauthorized: a token is required to connect from another machine'));
      socket.data.role = null;
      return next();
    }
    const role = typeof token === 'string' ? roleForToken(tokens(), token) : null;
    if (role === null) return next(new Error('unauthorized: the token is not valid'));
    socket.data.role = role;
    next();
  });

  const displays = new Map<string, ConnectedDisplay>();
  let displayCounter = 0;
  const publishDisplays = () => io.emit('displays:update', [...displays.values()]);

  const rateLimit = guards.rateLimit ?? DEFAULT_RATE_LIMIT;
  io.on('connection', (socket) => {
    const bucket = new TokenBucket(rateLimit);
    const inbox = new FairInbox();
    socket.use((packet, next) => {
      // Within the limit: run now, or after the other clients' I/O if this one sends a lot at once.
      if (bucket.take()) return inbox.run(next);
      const ack: unknown = packet[packet.length - 1];
      const error = apiError('rate-limited', `too many messages: at most ${rateLimit.perSecond} a second on one connection`);
      if (typeof ack === 'function') (ack as (a: unknown) => void)({ ok: false, error });
    });
    socket.on('disconnect', () => inbox.close());
    socket.emit('state:snapshot', makeSnapshot(core.state, core.clock.now(), core.startupWarning));
    socket.emit('displays:update', [...displays.values()]);

    socket.on('display:hello', (hello) => {
      const parsed = displayHelloSchema.safeParse(hello);
      if (!parsed.success) return;
      const previous = displays.get(socket.id);
      displays.set(socket.id, {
        id: previous?.id ?? `d${(displayCounter += 1)}`,
        view: parsed.data.view,
        name: parsed.data.name,
        language: parsed.data.language,
        direction: parsed.data.direction ?? null,
        bare: parsed.data.bare ?? false,
        role: socket.data.role,
        connectedAt: previous?.connectedAt ?? core.clock.now(),
      });
      publishDisplays();
    });
    socket.on('disconnect', () => {
      if (displays.delete(socket.id)) publishDisplays();
    });

    socket.on('state:request', () => {
      socket.emit('state:snapshot', makeSnapshot(core.state, core.clock.now(), core.startupWarning));
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
