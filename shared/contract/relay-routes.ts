import type { CommandAck, CommandInput } from './commands';
import type { Query, RouteSpec } from './http-routes';
import type { RemoteRole, VenueLinkState } from './relay';
import type { Snapshot } from './state';

/**
 * The relay process's own HTTP API (docs/remote.md), typed once as the venue's is
 * (http-routes.ts): electron/http/relay-routes.ts has exactly one handler per entry, and both
 * servers' routers come from the same electron/http/router.ts.
 */

/**
 * Who may call a relay route, decided from the caller's remote principal (electron/server/access.ts
 * `remoteAccessFor`). The relay knows only the remote links' tokens, which the venue sends when it links:
 * - `open`: no token is looked at (a load balancer's health check);
 * - `remote`: a remote token of any role, as a bearer header or `?token=` (a link opened in a tab);
 * - `remote-sender`: a remote bearer token whose role may send to the venue (`VENUE_ROLE_OF_REMOTE`;
 *   403 for another, naming `action`).
 */
export type RelayRouteAccess = 'open' | 'remote' | 'remote-sender';

export const RELAY_ROUTES = {
  health: { method: 'GET', path: '/api/v1/health', access: 'open' },
  state: { method: 'GET', path: '/api/v1/state', access: 'remote' },
  commands: { method: 'POST', path: '/api/v1/commands', access: 'remote-sender', action: 'send commands' },
} as const satisfies Record<string, RouteSpec<RelayRouteAccess>>;

export type RelayRouteName = keyof typeof RELAY_ROUTES;

/** The role a relay route's handler is called with, by its access rule: none for `open`. */
export type RelayRoleOf<K extends RelayRouteName> = (typeof RELAY_ROUTES)[K]['access'] extends 'open' ? null : RemoteRole;

/** `GET /api/v1/health` on a relay. */
export interface RelayHealth {
  ok: true;
  name: 'rostrum-relay';
  version: string;
  /** Per channel, whether its venue is linked. */
  venues: Record<string, VenueLinkState>;
}

/** Per relay route, as `HttpRoutes` is per venue route. */
export interface RelayHttpRoutes {
  health: { body: never; query: never; answer: RelayHealth };
  /** The venue's snapshot, in the venue's shape. */
  state: { body: never; query: Query<'token'>; answer: Snapshot };
  /** Forwarded to the venue, whose core checks it under `VENUE_ROLE_OF_REMOTE`; its answer. */
  commands: { body: CommandInput; query: never; answer: CommandAck };
}
