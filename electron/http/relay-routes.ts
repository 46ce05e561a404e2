import type { IncomingMessage } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { TOKEN_PARAM } from '../../shared/contract/http';
import { MAIN_CHANNEL, REMOTE_ROLES, type RemoteRole } from '../../shared/contract/relay';
import { RELAY_ROUTES, type RelayRouteAccess, type RelayHttpRoutes, type RelayRoleOf, type RelayRouteName } from '../../shared/contract/relay-routes';
import type { Snapshot } from '../../shared/contract/state';
import type { VenueLinks } from '../relay/venue-links';
import { remoteAccessFor } from '../server/access';
import { authenticateRemote, bearerToken } from '../server/authenticate';
import { sendError } from '../server/http-util';
import { readJsonBody } from './read-body';
import { findRouteIn, routerFor, type Call, type Found } from './router';

/** What the relay's routes reach: its venue links and the mirrored state. */
export interface RelayRouteContext {
  version: string;
  links: Pick<VenueLinks, 'tokens' | 'state' | 'forward' | 'channelOf' | 'channels'>;
  latest: (channel: string) => Snapshot | null;
}

/** The channel a call acts in: the one whose remote tokens include the caller's (a venue's room), main otherwise. */
interface ChannelCall {
  channel: string;
}

export type RelayHandler<K extends RelayRouteName> = (call: Call<RelayRouteContext, RelayRoleOf<K>, RelayHttpRoutes[K]['answer']> & ChannelCall) => void | Promise<void>;

/** `GET /api/v1/health`: no token; whether each channel's venue is linked (a load balancer's check), main first. */
const health: RelayHandler<'health'> = ({ ctx, answer }) => {
  const channels = [MAIN_CHANNEL, ...ctx.links.channels().filter((c) => c !== MAIN_CHANNEL).sort()];
  answer({ ok: true, name: 'rostrum-relay', version: ctx.version, venues: Object.fromEntries(channels.map((c) => [c, ctx.links.state(c)])) });
};

/** `GET /api/v1/state`: the venue's last snapshot of the token's channel, in the venue's shape. */
const state: RelayHandler<'state'> = ({ res, ctx, channel, answer }) => {
  const snapshot = ctx.latest(channel);
  if (snapshot === null) sendError(res, apiError('venue-unavailable', 'the venue has not sent its state to this relay yet'));
  else answer(snapshot);
};

/** `POST /api/v1/commands`: forwarded to the venue, whose core checks it again; the venue's answer. */
const commands: RelayHandler<'commands'> = async ({ req, res, ctx, role, channel, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const ack = await ctx.links.forward(channel, body.value, role);
  if (ack.ok) answer(ack);
  else sendError(res, ack.error);
};

/** One handler per relay route of the contract, no more: the compiler checks both ways. */
export const RELAY_ROUTE_HANDLERS: { [K in RelayRouteName]: RelayHandler<K> } = { health, state, commands };

const ON_A_RELAY = ' on a relay';

/**
 * The channel of the token a request presents (the bearer header; `?token=` too unless the route
 * takes the header only, as remoteAccessFor reads them): main when it is none of a channel's.
 */
function channelOfRequest(req: IncomingMessage, bearerOnly: boolean, links: Pick<VenueLinks, 'channelOf'>): string {
  const bearer = bearerToken(req);
  const query = bearerOnly ? null : new URL(req.url ?? '/', 'http://relay').searchParams.get(TOKEN_PARAM);
  const given = bearer ?? (query === '' ? null : query);
  return (given ? links.channelOf(given) : null) ?? MAIN_CHANNEL;
}

/** The relay route for `method pathname`: its name, or a 404 naming the methods the path has. */
export const findRelayRoute = (method: string, pathname: string): Found<RelayRouteName> => findRouteIn(RELAY_ROUTES, method, pathname, ON_A_RELAY);

/**
 * The relay's HTTP API (docs/remote.md), through the one router (router.ts): the caller is checked
 * against the remote links' tokens the venue sent. False: the path is not under `/api/v1/`.
 */
export function relayRouter(ctx: RelayRouteContext) {
  return routerFor<RelayRouteName, RelayRouteAccess, RelayRouteContext, RemoteRole | null, null, ChannelCall>({
    routes: RELAY_ROUTES,
    handlers: RELAY_ROUTE_HANDLERS,
    ctx,
    where: ON_A_RELAY,
    access: (spec, req) => {
      const channel = channelOfRequest(req, spec.access === 'remote-sender', ctx.links);
      const tokens = ctx.links.tokens(channel);
      const access = remoteAccessFor(spec, authenticateRemote(req, tokens, REMOTE_ROLES), tokens);
      return access.ok ? { ...access, extra: { channel } } : access;
    },
  });
}
