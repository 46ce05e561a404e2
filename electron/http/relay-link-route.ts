import { flattenItems } from '../../shared/agenda/agenda-queries';
import { apiError } from '../../shared/contract/errors';
import { AUDIENCE_PATH, PERSONAL_ITEM_PARAM, TOKEN_PARAM } from '../../shared/contract/http';
import { RELAY_OUTPUT_VIEWS, grantAllows, type RelayOutputView, type RelaySettingsView, type RelayStatus, type RemoteGrant } from '../../shared/contract/relay';
import { relayBodySchema, relayRotateBodySchema } from '../../shared/contract/relay-schemas';
import type { RostrumState } from '../../shared/contract/state';
import type { RelayLink } from '../relay-link/relay-link';
import { sendError } from '../server/http-util';
import type { Handler, RouteContext } from './route-context';
import { readValidBody } from './valid-body';

export interface RelayStatusContext {
  /** Null: the link is off (not set, or switched off). */
  link: RelayLink | null;
  remoteTokens: () => RemoteGrant | null;
  state: () => RostrumState;
  settings: RelaySettingsView;
}

/** The link as set when the server has no relay control at all (tests that build the server alone). */
const UNSET: RelaySettingsView = { url: null, keySet: false, enabled: false, cohost: false, fromFlags: false };

const linkTo = (base: string, path: string, token: string | null): string =>
  `${base}${path}${path.includes('?') ? '&' : '?'}${TOKEN_PARAM}=${encodeURIComponent(token ?? '')}`;

/** The relay link's state and the remote links (docs/api.md "Relay"); the links carry remote tokens, never the key. */
export function relayStatus(ctx: RelayStatusContext): RelayStatus {
  const status = ctx.link?.status() ?? null;
  const remote = ctx.remoteTokens();
  const base = status?.publicUrl ?? null;
  if (status === null || remote === null || base === null) {
    return { state: status?.state ?? 'off', rttMs: status?.rttMs ?? null, links: null, speakerLinks: [], outputLinks: null, lastError: status?.lastError ?? null, settings: ctx.settings };
  }
  const speaker = linkTo(base, '/speaker', remote.speaker);
  return {
    state: status.state,
    rttMs: status.rttMs,
    links: {
      speaker,
      booth: linkTo(base, '/booth', remote.booth),
      audience: linkTo(base, AUDIENCE_PATH, remote.audience),
      ...(grantAllows(remote, 'moderator') ? { moderator: linkTo(base, '/moderator', remote.moderator) } : {}),
    },
    // Each online speaker's own page (`item`): their countdown when on, their projected start before,
    // "Thank you" after. The remote speaker token, not one per item: every remote speaker sees the
    // same state anyway (the agenda is not secret among them), and one token keeps rotation simple.
    speakerLinks: flattenItems(ctx.state().agenda).map(({ item }) => ({
      itemId: item.id,
      url: linkTo(base, `/speaker?${PERSONAL_ITEM_PARAM}=${encodeURIComponent(item.id)}`, remote.speaker),
    })),
    outputLinks: Object.fromEntries(RELAY_OUTPUT_VIEWS.map((v) => [v, linkTo(base, `/${v}`, remote.audience)])) as Record<RelayOutputView, string>,
    lastError: status.lastError,
    settings: ctx.settings,
  };
}

/** The room's link and remote links (`main`'s on today's path; `/api/v1/rooms/<id>/relay` another room's, whose core `ctx` holds). */
const statusOf = (ctx: RouteContext, room: string): RelayStatus =>
  relayStatus({
    link: ctx.relay?.link(room) ?? null,
    remoteTokens: () => ctx.relay?.remoteTokens(room) ?? null,
    state: () => ctx.core.state,
    settings: ctx.relay?.view() ?? UNSET,
  });

/** `GET /api/v1/relay` (and `/api/v1/rooms/<id>/relay`, that room's links), control only. */
export const relay: Handler<'relay'> = ({ ctx, room, answer }) => answer(statusOf(ctx, room));

/** `POST /api/v1/relay {url?, key?, enabled?, cohost?}`, control only: applied at once, kept. */
export const relayChange: Handler<'relayChange'> = async ({ req, res, ctx, room, answer }) => {
  const body = await readValidBody(req, relayBodySchema, 'expected {"url"?, "key"?, "enabled"?, "cohost"?}');
  if (!body.ok) return sendError(res, body.error);
  if (!ctx.relay) return sendError(res, apiError('not-found', 'this server has no relay link'));
  const { url, key, enabled, cohost } = body.value;
  const changed = await ctx.relay.update({
    ...(url !== undefined ? { url } : {}),
    ...(key !== undefined ? { key } : {}),
    ...(enabled !== undefined ? { enabled } : {}),
    ...(cohost !== undefined ? { cohost } : {}),
  });
  if (!changed.ok) sendError(res, apiError('invalid', changed.message, changed.field));
  else answer(statusOf(ctx, room));
};

/** `POST /api/v1/relay/tokens/rotate {role}` (and `/api/v1/rooms/<id>/…`), control only: a new remote token for that role of the room. */
export const relayRotate: Handler<'relayRotate'> = async ({ req, res, ctx, room, answer }) => {
  const body = await readValidBody(req, relayRotateBodySchema, 'expected {"role": "speaker" | "booth" | "audience" | "moderator"}');
  if (!body.ok) return sendError(res, body.error);
  if (!ctx.relay) return sendError(res, apiError('not-found', 'this server has no relay link'));
  ctx.relay.rotate(body.value.role, room);
  answer(statusOf(ctx, room));
};
