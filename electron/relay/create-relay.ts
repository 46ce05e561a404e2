import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { apiError } from '../../shared/contract/errors';
import { AUDIENCE_PATH } from '../../shared/contract/http';
import { RELAY_OUTPUT_VIEWS, REMOTE_ROLES, grantAllows, type RemoteGrant } from '../../shared/contract/relay';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import { applyPatch } from '../../shared/contract/state-sync';
import { sendError } from '../server/http-util';
import { MAX_BODY_BYTES } from '../http/read-body';
import { KeyedBuckets, DEFAULT_RATE_LIMIT, type RateLimit } from '../server/rate-limit';
import { clientAddress } from './client-address';
import { createRequestGuard } from '../server/request-guard';
import { staticViews } from '../server/static-views';
import { ChannelMirror, memorySnapshotStore, type SnapshotStore } from './channel-mirror';
import type { RelayCluster } from './cluster';
import { relayRouter } from '../http/relay-routes';
import { attachVenueLinks } from './venue-links';
import { attachViewerSockets, dropStaleViewers, room } from './viewer-sockets';

export interface RelayOptions {
  key: string;
  rendererDir: string;
  version: string;
  /** As remote people reach it; the listening address when absent. */
  publicUrl: string | null;
  tls: { cert: Buffer; key: Buffer } | null;
  /** A TLS proxy is in front: pages come over https. */
  behindTlsProxy: boolean;
  allowedHosts: readonly string[];
  /** Per socket (events) and per remote address (HTTP API requests). */
  rateLimit?: RateLimit;
  /** Remote views one client address may hold open at once (`--max-connections`; default 500). */
  maxViewersPerAddress?: number;
  /** The last snapshot per channel: memory by default (a cluster's shared store with `cluster`). */
  store?: SnapshotStore<Snapshot>;
  /** Several relay processes (`--redis`): connects this one to the others before it listens. */
  cluster?: (io: Server) => Promise<RelayCluster>;
  log: (line: string) => void;
}

export interface RunningRelay {
  listen(port: number, host: string): Promise<number>;
  url(): string;
  close(): Promise<void>;
}

/** A webinar's attendees behind one company's NAT share an address: far above a venue's per-address cap. */
export const DEFAULT_VIEWERS_PER_ADDRESS = 500;

/**
 * Only these views reach remote people; the console stays at the venue. The lower third and the
 * studio clock are read-only outputs for a remote stream production (a webinar's vision mixer),
 * opened with the remote audience token like the audience page.
 */
const REMOTE_VIEWS = ['/speaker', '/speaker/', '/booth', '/booth/', AUDIENCE_PATH, `${AUDIENCE_PATH}/`, ...RELAY_OUTPUT_VIEWS.flatMap((v) => [`/${v}`, `/${v}/`])];
/** The console's page too, for a remote moderator (co-host); without its token it shows nothing. */
const COHOST_VIEWS = ['/moderator', '/moderator/'];

/** The relay: no authority, no agenda on disk; it mirrors the venue's channels and serves remote views. */
export function createRelay(o: RelayOptions): RunningRelay {
  let listening = '';
  const publicUrl = () => o.publicUrl ?? listening;
  const hostOf = (u: string | null) => (u === null ? [] : [new URL(u).host]);
  const guard = createRequestGuard({ allowedHosts: [...o.allowedHosts, ...hostOf(o.publicUrl)], trusted: ['none'], secureOrigins: o.tls !== null || o.behindTlsProxy });
  const rateLimit = o.rateLimit ?? DEFAULT_RATE_LIMIT;
  const httpBuckets = new KeyedBuckets(rateLimit);
  const views = staticViews(o.rendererDir);

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const refusal = guard.check(req);
    if (refusal) return sendError(res, refusal);
    const url = new URL(req.url ?? '/', 'http://relay');
    if (url.pathname.startsWith('/api/') && !httpBuckets.take(clientAddress(req, o.behindTlsProxy))) {
      return sendError(res, apiError('rate-limited', `too many requests: at most ${rateLimit.perSecond} a second`));
    }
    const isView = REMOTE_VIEWS.includes(url.pathname) || COHOST_VIEWS.includes(url.pathname) || url.pathname.startsWith('/assets/') || url.pathname.startsWith('/sounds/') || url.pathname === '/favicon.ico';
    api(req, res, url)
      .then((handled) => {
        if (handled || (isView && views(req, res, url.pathname))) return;
        sendError(res, apiError('not-found', `nothing at ${url.pathname} on a relay: open the link you were given`));
      })
      .catch((error: unknown) => {
        if (!res.headersSent) sendError(res, apiError('internal', `internal error: ${(error as Error).message}`));
        else res.destroy();
      });
  };
  const http = o.tls ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, handler) : createHttpServer(handler);
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_BODY_BYTES,
    allowRequest: (req, callback) => {
      const refusal = guard.check(req);
      callback(refusal ? refusal.message : null, refusal === null);
    },
  });

  let mirror!: ChannelMirror<Snapshot, StatePatch>;
  let links!: ReturnType<typeof attachVenueLinks>;
  let cluster: RelayCluster | undefined;
  let api!: ReturnType<typeof relayRouter>;
  const ready = (async () => {
    cluster = o.cluster ? await o.cluster(io) : undefined;
    // Snapshots and patches go through the adapter: with a cluster, to every process's viewers.
    mirror = new ChannelMirror<Snapshot, StatePatch>(cluster?.store ?? o.store ?? memorySnapshotStore(), applyPatch, {
      snapshot: (channel, snapshot) => io.to(room(channel)).emit('state:snapshot', snapshot),
      patch: (channel, patch) => io.to(room(channel)).emit('state:patch', patch),
      resync: (channel) => links.resync(channel),
    });
    links = attachVenueLinks(io, {
      key: o.key,
      publicUrl,
      mirror,
      log: o.log,
      ...(cluster ? { cluster } : {}),
      // Each process tells its own viewers (with a cluster, each sees the link's state for itself).
      onState: (channel, state) => io.local.to(room(channel)).emit('relay:venue', state),
      // A rotated token, or a role switched off at the venue (the co-host): its viewers go.
      onTokens: (channel, tokens: RemoteGrant) =>
        dropStaleViewers(io, channel, (token) => REMOTE_ROLES.some((role) => tokens[role] === token && grantAllows(tokens, role))),
    });
    attachViewerSockets(io, links, (c) => mirror.latest(c), rateLimit, {
      perAddress: o.maxViewersPerAddress ?? DEFAULT_VIEWERS_PER_ADDRESS,
      addressOf: (req) => clientAddress(req, o.behindTlsProxy),
    });
    api = relayRouter({ version: o.version, links, latest: (c) => mirror.latest(c) });
  })();
  // Reported by listen(); not an unhandled rejection meanwhile.
  ready.catch(() => undefined);

  return {
    listen: async (port, host) => {
      await ready;
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          const bound = (http.address() as AddressInfo).port;
          guard.bound(host, bound);
          listening = `${o.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${bound}`;
          resolve(bound);
        });
      });
    },
    url: () => listening,
    close: () =>
      new Promise<void>((resolve) => {
        links.close();
        void io.close();
        http.close(() => void (cluster?.close() ?? Promise.resolve()).then(() => resolve()));
        http.closeAllConnections();
      }),
  };
}
