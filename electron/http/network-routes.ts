import { apiError } from '../../shared/contract/errors';
import { OUTPUT_PAGES, TOKEN_PARAM, VIEWS, VIEW_ROLE, outputPath, type OutputPage, type View } from '../../shared/contract/http';
import type { LanStatus, NetworkInfo } from '../../shared/contract/network';
import { lanBodySchema } from '../../shared/contract/network-schemas';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import { sendError } from '../server/http-util';
import type { Tokens } from '../server/tokens';
import type { Handler, RouteContext } from './route-context';
import { readValidBody } from './valid-body';

const linkOn = (address: string, port: number, path: string, token: string): string =>
  `http://${address.includes(':') ? `[${address}]` : address}:${port}${path}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;

/**
 * Per view, its link on each address, carrying that view's token. `prefix` places the pages in a
 * room (`/r/<id>`, #18); '' is `main`'s, today's paths.
 */
export function lanLinks(addresses: readonly string[], port: number, tokens: Tokens, prefix = ''): Record<View, string[]> {
  return Object.fromEntries(VIEWS.map((v) => [v, addresses.map((a) => linkOn(a, port, `${prefix}/${v}`, tokens[VIEW_ROLE[v]]))])) as Record<View, string[]>;
}

/** Per view, its link on this computer: the server always answers on loopback. */
export function localLinks(port: number, tokens: Tokens, prefix = ''): Record<View, string> {
  const links = lanLinks(['127.0.0.1'], port, tokens, prefix);
  return Object.fromEntries(VIEWS.map((v) => [v, links[v][0]!])) as Record<View, string>;
}

/** Per read-only output page, its link on each address: all of them are opened with the view token. */
export function outputLinks(addresses: readonly string[], port: number, tokens: Tokens, prefix = ''): Record<OutputPage, string[]> {
  return Object.fromEntries(OUTPUT_PAGES.map((p) => [p, addresses.map((a) => linkOn(a, port, `${prefix}${outputPath(p)}`, tokens.view))])) as Record<OutputPage, string[]>;
}

export function localOutputLinks(port: number, tokens: Tokens, prefix = ''): Record<OutputPage, string> {
  const links = outputLinks(['127.0.0.1'], port, tokens, prefix);
  return Object.fromEntries(OUTPUT_PAGES.map((p) => [p, links[p][0]!])) as Record<OutputPage, string>;
}

const infoFor = (status: LanStatus, port: number, tokens: Tokens, prefix = ''): NetworkInfo => ({
  ok: true,
  port,
  lan: status,
  links: lanLinks(status.addresses, port, tokens, prefix),
  localLinks: localLinks(port, tokens, prefix),
  outputLinks: outputLinks(status.addresses, port, tokens, prefix),
  localOutputLinks: localOutputLinks(port, tokens, prefix),
});

const info = (status: LanStatus, ctx: RouteContext): NetworkInfo => infoFor(status, ctx.port(), ctx.tokens());

/** `GET /api/v1/network` (control only: the answer carries every role's token). */
export const network: Handler<'network'> = ({ ctx, answer }) => answer(info(ctx.lan.status(), ctx));

/** `POST /api/v1/network/lan {on}`: LAN mode on or off. */
export const lan: Handler<'lan'> = async ({ req, res, ctx, answer }) => {
  const body = await readValidBody(req, lanBodySchema, 'expected {"on": true | false}');
  if (!body.ok) return sendError(res, body.error);
  const switched = await ctx.lan.set(body.value.on);
  if (!switched.ok) sendError(res, apiError('invalid', switched.message, 'on'));
  else answer(info(switched.status, ctx));
};

/**
 * `GET /api/v1/rooms/<id>/network/links` (the producer, or the room's own control token in its room):
 * the room's display links on `/r/<id>/…` with the room's own tokens; `main`'s (today's path) are
 * the venue's on today's paths. Only this room's tokens are in the answer.
 */
export const roomLinks: Handler<'roomLinks'> = ({ res, ctx, room, producer, answer }) => {
  const tokens = ctx.rooms.tokensOf(room);
  if (!tokens) return sendError(res, apiError('not-found', `no room "${room}"`, 'room'));
  const prefix = room === MAIN_ROOM ? '' : `/r/${room}`;
  answer({ ...infoFor(ctx.lan.status(), ctx.port(), tokens, prefix), room, producer });
};
