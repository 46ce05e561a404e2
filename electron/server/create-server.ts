import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiError } from '../../shared/contract/errors';
import { apiGate } from './api-budget';
import type { RostrumCore } from './core';
import { sendError } from './http-util';
import type { ConnectionLimits } from './connection-caps';
import { attachSocketServer, type RostrumIo } from './socket-server';
import { KeyedBuckets, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit';
import { createLanMode, type LanMode } from './lan-mode';
import type { OscControl } from '../osc/osc-control';
import { createRequestGuard, type TrustedAddresses } from './request-guard';
import { staticViews } from './static-views';
import type { Tokens } from './tokens';
import type { RelayControl } from '../relay-link/relay-control';
import { apiRouter } from '../http/route-table';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import type { DisplayNameBook } from './display-names';
import type { DisplayPresence } from './display-presence';
import { BrandingStore } from '../branding/branding-store';
import type { Automations } from '../automation/automations';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import type { RoomRegistry } from '../rooms/room-registry';
import type { LinkedRooms } from '../rooms/linked-rooms';

export interface ServerOptions {
  core: RostrumCore;
  tokens: Tokens;
  rendererDir: string;
  version: string;
  /** Extra Host names (`--allowed-hosts`); loopback names and, bound to 0.0.0.0, the interface addresses always pass. */
  allowedHosts?: readonly string[];
  /** Addresses that may read without a token (`--trusted-addresses`); default loopback. */
  trustedAddresses?: TrustedAddresses;
  /** Per socket (events) and per remote address (HTTP API requests). */
  rateLimit?: RateLimit;
  /** socket.io connections per remote address and per token (default connection-caps.ts). */
  connectionLimits?: ConnectionLimits;
  /** Called after a token was rotated (`POST /api/v1/tokens/rotate`), to keep the new set. */
  onTokensChanged?: (tokens: Tokens) => void;
  /** Called after LAN mode was switched from the console (`POST /api/v1/network/lan`), to keep the setting. */
  onLanChanged?: (on: boolean) => void;
  /** OSC as a console setting (`/api/v1/network/osc`); the route answers 404 without it. */
  osc?: OscControl;
  /** The relay link as a console setting (docs/remote.md): `GET /api/v1/relay` answers "off" without one. */
  relay?: RelayControl;
  /** Where names given to displays from the console are kept (#19); in memory without it. */
  displayNames?: DisplayNameBook;
  /** The event's branding (#19), kept in the data dir; in memory without it. */
  branding?: BrandingStore;
  /** Triggered actions (`/api/v1/automations`, docs/automation.md); the routes answer 404 without them. */
  automations?: Automations;
  /** The event's rooms (#18, docs/rooms.md); `core` is the `main` room's. */
  rooms: RoomRegistry;
  /** Rooms on other servers, on the overview (#18). */
  linked?: LinkedRooms;
}

export interface RostrumServer {
  http: HttpServer;
  io: RostrumIo;
  /** LAN mode: also answering on this machine's LAN addresses (docs/security.md). */
  lan: LanMode;
  /** Who is watching (#19): subscribe for displays coming, changing and going (`display.offline`). */
  presence: DisplayPresence;
  /** Resolves with the bound port; rejects with the listen error (e.g. EADDRINUSE). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** One port serves the HTTP API, the views and socket.io. */
export function createRostrumServer(options: ServerOptions): RostrumServer {
  let currentTokens: Tokens = { ...options.tokens };
  const tokens = () => currentTokens;
  const views = staticViews(options.rendererDir);
  const guard = createRequestGuard({ allowedHosts: options.allowedHosts ?? [], trusted: options.trustedAddresses ?? ['loopback'] });
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const httpBuckets = new KeyedBuckets(rateLimit);

  const http = createHttpServer((req, res) => {
    const refusal = guard.check(req);
    if (refusal) {
      sendError(res, refusal);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    const gate = pathname.startsWith('/api/') ? apiGate(req, currentTokens, httpBuckets, rateLimit, options.rooms) : null;
    if (gate) {
      sendError(res, gate);
      return;
    }
    api(req, res, url)
      .then((handled) => {
        if (handled || views(req, res, pathname)) return;
        sendError(res, apiError('not-found', `nothing at ${pathname}`));
      })
      .catch((error: unknown) => {
        if (!res.headersSent) sendError(res, apiError('internal', `internal error: ${(error as Error).message}`));
        else res.destroy();
      });
  });
  let boundPort = 0;
  const lan = createLanMode(http, guard, options.onLanChanged ? { onChanged: options.onLanChanged } : {});
  // Each room's presence list (#18), made by the socket server.
  const presences = new Map<string, DisplayPresence>();
  const branding = options.branding ?? new BrandingStore(null);
  const api = apiRouter({
    core: options.core,
    tokens,
    version: options.version,
    lan,
    port: () => boundPort,
    rotate,
    rooms: options.rooms,
    ...(options.linked ? { linked: options.linked } : {}),
    ...(options.osc ? { osc: options.osc } : {}),
    ...(options.relay ? { relay: options.relay } : {}),
    displays: (room) => presences.get(room)?.list() ?? [],
    branding,
    ...(options.automations ? { automations: options.automations } : {}),
  });
  const automations = options.automations;
  const io = attachSocketServer(
    http,
    options.core,
    tokens,
    {
      guard,
      rateLimit,
      ...(options.connectionLimits ? { connectionLimits: options.connectionLimits } : {}),
      ...(automations ? { onDisplayOffline: (display: ConnectedDisplay, room: string) => automations.displayOffline(display, room) } : {}),
    },
    { ...(options.displayNames ? { names: options.displayNames } : {}), onPresence: (room, p) => presences.set(room, p) },
    options.rooms,
  );
  // Every view hears the branding on connect and on every change (the outputs apply it at once).
  branding.onChange((info) => io.emit('branding:update', info));
  io.on('connection', (socket) => socket.emit('branding:update', branding.info()));

  /** A new token for one role: the clients that connected with the old one are disconnected. */
  function rotate(role: keyof Tokens, token: string): number {
    currentTokens = { ...currentTokens, [role]: token };
    options.onTokensChanged?.(currentTokens);
    let disconnected = 0;
    for (const socket of io.sockets.sockets.values()) {
      // A room's own tokens are not the venue's: their sockets stay.
      if (socket.data.role !== role || socket.data.roomToken) continue;
      socket.disconnect(true);
      disconnected += 1;
    }
    return disconnected;
  }

  return {
    http,
    io,
    lan,
    presence: presences.get(MAIN_ROOM)!,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        http.once('error', onError);
        http.listen(port, host, () => {
          http.off('error', onError);
          const bound = (http.address() as AddressInfo).port;
          guard.bound(host, bound);
          lan.bound(host, bound);
          boundPort = bound;
          resolve(bound);
        });
      }),
    close: async () => {
      await lan.close();
      await new Promise<void>((resolve) => {
        io.close();
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
