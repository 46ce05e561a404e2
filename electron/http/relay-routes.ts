import { apiError } from '../../shared/contract/errors';
import { MAIN_CHANNEL, REMOTE_ROLES } from '../../shared/contract/relay';
import { RELAY_ROUTES, type RelayHttpRoutes, type RelayRoleOf, type RelayRouteName } from '../../shared/contract/relay-routes';
import type { Snapshot } from '../../shared/contract/state';
import type { VenueLinks } from '../relay/venue-links';
import { remoteAccessFor } from '../server/access';
import { authenticateRemote } from '../server/authenticate';
import { sendError } from '../server/http-util';
import { readJsonBody } from './read-body';
import { findRouteIn, routerFor, type Call, type Found } from './router';

/** What the relay's routes reach: its venue links and the mirrored state. */
export interface RelayRouteContext {
  version: string;
  links: Pick<VenueLinks, 'tokens' | 'state' | 'forward'>;
  latest: (channel: string) => Snapshot | null;
}

export type RelayHandler<K extends RelayRouteName> = (call: Call<RelayRouteContext, RelayRoleOf<K>, RelayHttpRoutes[K]['answer']>) => void | Promise<void>;

/** `GET /api/v1/health`: no token; whether the venue is linked (a load balancer's check). */
const health: RelayHandler<'health'> = ({ ctx, answer }) =>
  answer({ ok: true, name: 'rostrum-relay', version: ctx.version, venues: { [MAIN_CHANNEL]: ctx.links.state(MAIN_CHANNEL) } });

/** `GET /api/v1/state`: the venue's last snapshot, in the venue's shape. */
const state: RelayHandler<'state'> = ({ res, ctx, answer }) => {
  const snapshot = ctx.latest(MAIN_CHANNEL);
  if (snapshot === null) sendError(res, apiError('venue-unavailable', 'the venue has not sent its state to this relay yet'));
  else answer(snapshot);
};

/** `POST /api/v1/commands`: forwarded to the venue, whose core checks it again; the venue's answer. */
const commands: RelayHandler<'commands'> = async ({ req, res, ctx, role, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const ack = await ctx.links.forward(MAIN_CHANNEL, body.value, role);
  if (ack.ok) answer(ack);
  else sendError(res, ack.error);
};

/** One handler per relay route of the contract, no more: the compiler checks both ways. */
export const RELAY_ROUTE_HANDLERS: { [K in RelayRouteName]: RelayHandler<K> } = { health, state, commands };

const ON_A_RELAY = ' on a relay';

/** The relay route for `method pathname`: its name, or a 404 naming the methods the path has. */
export const findRelayRoute = (method: string, pathname: string): Found<RelayRouteName> => findRouteIn(RELAY_ROUTES, method, pathname, ON_A_RELAY);

/**
 * The relay's HTTP API (docs/remote.md), through the one router (router.ts): the caller is checked
 * against the remote links' tokens the venue sent. False: the path is not under `/api/v1/`.
 */
export function relayRouter(ctx: RelayRouteContext) {
  return routerFor({
    routes: RELAY_ROUTES,
    handlers: RELAY_ROUTE_HANDLERS,
    ctx,
    where: ON_A_RELAY,
    access: (spec, req) => {
      const tokens = ctx.links.tokens(MAIN_CHANNEL);
      return remoteAccessFor(spec, authenticateRemote(req, tokens, REMOTE_ROLES), tokens);
    },
  });
}
