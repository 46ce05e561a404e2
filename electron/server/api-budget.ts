import type { IncomingMessage } from 'node:http';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { budgetKey } from './access';
import { authenticate, type RoomTokenMatcher } from './authenticate';
import type { KeyedBuckets, RateLimit } from './rate-limit';
import type { Tokens } from './tokens';

/** A request a browser says another site's page sent (the API, and socket.io's handshakes too). */
export function otherSiteRefusal(req: IncomingMessage): ApiError | null {
  const site = req.headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return null;
  return apiError('forbidden', `Sec-Fetch-Site: ${site}: a page of another site may not use Rostrum's API`);
}

/**
 * The gate every `/api/` request passes before any route, in this order:
 * 1. A request a browser marks as sent by another site (`Sec-Fetch-Site: cross-site` or
 *    `same-site`) is refused without counting: a hostile page's `no-cors` requests carry no
 *    `Origin`, and would otherwise drain the budget that everyone on this address shares.
 *    Rostrum's own pages send `same-origin` (or `none` for a link opened in the address bar);
 *    controllers (Companion, curl, scripts) send no `Sec-Fetch-*` header at all.
 * 2. A request that presents a valid token (bearer or `?token=`) counts against that token's own
 *    budget; any other counts against its remote address's.
 */
export function apiGate(req: IncomingMessage, tokens: Tokens, buckets: KeyedBuckets, limit: RateLimit, rooms?: RoomTokenMatcher): ApiError | null {
  const otherSite = otherSiteRefusal(req);
  if (otherSite) return otherSite;
  const address = req.socket.remoteAddress ?? '';
  const { key, byToken } = budgetKey(authenticate(req, tokens, rooms), address);
  if (buckets.take(key)) return null;
  const who = byToken ? 'with this token' : `from ${address || 'this address'}`;
  return apiError('rate-limited', `too many requests ${who}: at most ${limit.perSecond} a second`);
}
