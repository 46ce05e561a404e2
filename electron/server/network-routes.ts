import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { TOKEN_PARAM, VIEWS, VIEW_ROLE, type View } from '../../shared/contract/http';
import { LAN_PATH, NETWORK_PATH, type LanStatus, type NetworkInfo } from '../../shared/contract/network';
import { lanBodySchema } from '../../shared/contract/network-schemas';
import { readValidBody, requireControl } from './control-route';
import { sendError, sendJson } from './http-util';
import type { LanMode } from './lan-mode';
import type { Tokens } from './tokens';

export interface NetworkRouteContext {
  tokens: () => Tokens;
  lan: LanMode;
  port: () => number;
}

/** Per view, its link on each address, carrying that view's token. */
export function lanLinks(addresses: readonly string[], port: number, tokens: Tokens): Record<View, string[]> {
  const host = (a: string) => (a.includes(':') ? `[${a}]` : a);
  return Object.fromEntries(
    VIEWS.map((v) => [v, addresses.map((a) => `http://${host(a)}:${port}/${v}?${TOKEN_PARAM}=${encodeURIComponent(tokens[VIEW_ROLE[v]])}`)]),
  ) as Record<View, string[]>;
}

/** Per view, its link on this computer: the server always answers on loopback. */
export function localLinks(port: number, tokens: Tokens): Record<View, string> {
  const links = lanLinks(['127.0.0.1'], port, tokens);
  return Object.fromEntries(VIEWS.map((v) => [v, links[v][0]!])) as Record<View, string>;
}

const info = (status: LanStatus, ctx: NetworkRouteContext): NetworkInfo => ({
  ok: true,
  port: ctx.port(),
  lan: status,
  links: lanLinks(status.addresses, ctx.port(), ctx.tokens()),
  localLinks: localLinks(ctx.port(), ctx.tokens()),
});

/**
 * `GET /api/v1/network` and `POST /api/v1/network/lan {on}`, control only: the answers carry every
 * role's token. Returns false when the path is not one of these routes.
 */
export async function networkRoutes(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: NetworkRouteContext): Promise<boolean> {
  if (pathname !== NETWORK_PATH && pathname !== LAN_PATH) return false;
  const method = req.method ?? 'GET';
  const expected = pathname === NETWORK_PATH ? 'GET' : 'POST';
  if (method !== expected) {
    sendError(res, apiError('not-found', `no route ${method} ${pathname} (use ${expected})`));
    return true;
  }
  if (!requireControl(req, res, ctx.tokens(), pathname === LAN_PATH ? 'switch LAN mode' : 'read the network settings')) return true;
  if (pathname === NETWORK_PATH) {
    sendJson(res, 200, info(ctx.lan.status(), ctx));
    return true;
  }
  const body = await readValidBody(req, res, lanBodySchema, 'expected {"on": true | false}');
  if (body === null) return true;
  const switched = await ctx.lan.set(body.on);
  if (!switched.ok) sendError(res, apiError('invalid', switched.message, 'on'));
  else sendJson(res, 200, info(switched.status, ctx));
  return true;
}
