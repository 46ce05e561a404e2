import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { API_PREFIX } from '../../shared/contract/http';
import { MAIN_CHANNEL, REMOTE_ROLES, VENUE_ROLE_OF_REMOTE, grantAllows, type RemoteRole, type VenueLinkState } from '../../shared/contract/relay';
import type { Snapshot } from '../../shared/contract/state';
import type { VenueLinks } from '../relay/venue-links';
import { authenticateRemote } from '../server/authenticate';
import { sendError, sendJson } from '../server/http-util';
import { readJsonBody } from './read-body';

export interface RelayHealth {
  ok: true;
  name: 'rostrum-relay';
  version: string;
  /** Per channel, whether its venue is linked. */
  venues: Record<string, VenueLinkState>;
}

export interface RelayRouteContext {
  version: string;
  links: VenueLinks;
  latest: (channel: string) => Snapshot | null;
}

/** The remote role of the request's token (bearer, or `?token=` for a link), or an answer already sent. */
function remoteRole(req: IncomingMessage, res: ServerResponse, withQuery: boolean, ctx: RelayRouteContext): RemoteRole | null {
  const tokens = ctx.links.tokens(MAIN_CHANNEL);
  const { bearer, query } = authenticateRemote(req, tokens, REMOTE_ROLES).presented;
  const given = withQuery ? (bearer ?? query) : bearer;
  const token = given?.token ?? null;
  const role = given?.role ?? null;
  if (role === null) {
    if (tokens === null && token) sendError(res, apiError('venue-unavailable', 'the venue has not linked to this relay yet'));
    else sendError(res, apiError('unauthorized', token ? 'the token is not valid' : 'a remote token is required ("Authorization: Bearer <token>")'));
    return null;
  }
  // A role switched off at the venue (the co-host) is known, and refused: 403, not 401.
  if (tokens !== null && !grantAllows(tokens, role)) {
    sendError(res, apiError('forbidden', `the remote ${role} is switched off at the venue`));
    return null;
  }
  return role;
}

/** The relay's HTTP API: health, the mirrored state, and remote commands (docs/remote.md). */
export async function relayRoutes(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RelayRouteContext): Promise<boolean> {
  if (!url.pathname.startsWith(`${API_PREFIX}/`)) return false;
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  switch (route) {
    case `GET ${API_PREFIX}/health`: {
      const body: RelayHealth = { ok: true, name: 'rostrum-relay', version: ctx.version, venues: { [MAIN_CHANNEL]: ctx.links.state(MAIN_CHANNEL) } };
      sendJson(res, 200, body);
      return true;
    }
    case `GET ${API_PREFIX}/state`: {
      if (remoteRole(req, res, true, ctx) === null) return true;
      const snapshot = ctx.latest(MAIN_CHANNEL);
      if (snapshot === null) sendError(res, apiError('venue-unavailable', 'the venue has not sent its state to this relay yet'));
      else sendJson(res, 200, snapshot);
      return true;
    }
    case `POST ${API_PREFIX}/commands`: {
      const role = remoteRole(req, res, false, ctx);
      if (role === null) return true;
      if (VENUE_ROLE_OF_REMOTE[role] === null) {
        sendError(res, apiError('forbidden', `a remote ${role} link may not send commands`));
        return true;
      }
      const body = await readJsonBody(req);
      if (!body.ok) {
        sendError(res, body.error);
        return true;
      }
      const ack = await ctx.links.forward(MAIN_CHANNEL, body.value, role);
      if (ack.ok) sendJson(res, 200, ack);
      else sendError(res, ack.error);
      return true;
    }
    default:
      sendError(res, apiError('not-found', `no route ${route} on a relay`));
      return true;
  }
}
