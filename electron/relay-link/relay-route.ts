import type { IncomingMessage, ServerResponse } from 'node:http';
import { flattenItems } from '../../shared/agenda/agenda-queries';
import { apiError } from '../../shared/contract/errors';
import { TOKEN_PARAM } from '../../shared/contract/http';
import { RELAY_PATH, type RelayStatus, type RemoteTokens } from '../../shared/contract/relay';
import type { RostrumState } from '../../shared/contract/state';
import { requireControl } from '../server/control-route';
import { sendError, sendJson } from '../server/http-util';
import type { Tokens } from '../server/tokens';
import type { RelayLink } from './relay-link';

export interface RelayRouteContext {
  tokens: () => Tokens;
  /** Null: no relay was set (`--relay`): the answer says "off". */
  link: RelayLink | null;
  remoteTokens: () => RemoteTokens | null;
  state: () => RostrumState;
}

const linkTo = (base: string, path: string, token: string | null): string =>
  `${base}${path}${path.includes('?') ? '&' : '?'}${TOKEN_PARAM}=${encodeURIComponent(token ?? '')}`;

/** The relay link's state and the remote links (docs/api.md "Relay"); the links carry remote tokens. */
export function relayStatus(ctx: RelayRouteContext): RelayStatus {
  const status = ctx.link?.status() ?? null;
  const remote = ctx.remoteTokens();
  const base = status?.publicUrl ?? null;
  if (status === null || remote === null || base === null) {
    return { state: status?.state ?? 'off', rttMs: status?.rttMs ?? null, links: null, speakerLinks: [], lastError: status?.lastError ?? null };
  }
  const speaker = linkTo(base, '/speaker', remote.speaker);
  return {
    state: status.state,
    rttMs: status.rttMs,
    // The audience page is not built yet: the audience link opens the bare countdown.
    links: { speaker, booth: linkTo(base, '/booth', remote.booth), audience: linkTo(base, '/speaker?bare=1', remote.audience) },
    // Personal pages are not built yet: each online speaker's link opens the remote speaker view.
    speakerLinks: flattenItems(ctx.state().agenda).map(({ item }) => ({ itemId: item.id, url: speaker })),
    lastError: status.lastError,
  };
}

/** `GET /api/v1/relay`, control only. Returns false when the path is not this route. */
export function relayRoute(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: RelayRouteContext): boolean {
  if (pathname !== RELAY_PATH) return false;
  if (req.method !== 'GET') {
    sendError(res, apiError('not-found', `no route ${req.method ?? 'GET'} ${pathname} (use GET)`));
    return true;
  }
  if (requireControl(req, res, ctx.tokens(), 'read the relay link')) sendJson(res, 200, relayStatus(ctx));
  return true;
}
