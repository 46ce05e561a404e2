import { apiError, type ApiError } from '../../shared/contract/errors';
import type { RouteSpec } from '../../shared/contract/http-routes';
import type { Principal } from '../server/authenticate';

/** What a call addresses: one room, the whole event (producer only), or nothing a room token is kept from. */
export type RoomTarget = { room: string } | 'event' | null;

/** The target of a route called in `room` (contract: `perRoom`, `producer`). */
export function routeTarget(spec: RouteSpec, room: string): RoomTarget {
  if (spec.producer) return 'event';
  if (spec.perRoom) return { room };
  return spec.access === 'control' ? 'event' : null;
}

/**
 * Why this caller may not act on `target`, or null. A token that belongs to one room (a room's own
 * token, or the venue's booth and view tokens for `main`) acts in that room only; the producer's
 * token (the venue's control token) in every room. Checked after the route's role rule.
 */
export function roomScopeRefusal(p: Principal, target: RoomTarget): ApiError | null {
  if (target === null) return null;
  for (const given of Object.values(p.presented)) {
    if (!given || given.role === null || given.room === undefined) continue;
    if (target === 'event') return apiError('forbidden', `a token of room "${given.room}" may not do this: it needs the producer's token (the venue's control token)`, 'room');
    if (given.room !== target.room) return apiError('forbidden', `this token belongs to room "${given.room}": it may not act in room "${target.room}"`, 'room');
  }
  return null;
}
