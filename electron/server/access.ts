import { apiError, type ApiError } from '../../shared/contract/errors';
import type { RouteSpec } from '../../shared/contract/http-routes';
import { VENUE_ROLE_OF_REMOTE, grantAllows, type RemoteGrant, type RemoteRole } from '../../shared/contract/relay';
import type { RelayRouteAccess } from '../../shared/contract/relay-routes';
import type { Role } from '../../shared/contract/roles';
import type { Principal } from './authenticate';

/**
 * The access rules of the routes, over a principal (authenticate.ts). Each answers the refusal to
 * send, or the role the caller acts with. The messages are part of the API (docs/api.md).
 */
export type Access<R = Role | null> = { ok: true; role: R } | { ok: false; error: ApiError };

const refused = (error: ApiError): { ok: false; error: ApiError } => ({ ok: false, error });
const NOT_VALID = 'the token is not valid';
export const SEND_CONTROL_TOKEN = 'send the control token as "Authorization: Bearer <token>"';

/**
 * The API's first rule: a missing token is fine (role null), an unknown one is refused, as a
 * bearer header or as `?token=` (which downloads read): a wrong link must say so, even from a
 * trusted address. The role is the bearer's.
 */
export function apiCaller(p: Principal): Access {
  const { bearer, query } = p.presented;
  if ((query && query.role === null) || (bearer && bearer.role === null)) return refused(apiError('unauthorized', NOT_VALID));
  return { ok: true, role: bearer?.role ?? null };
}

/** A bearer token of any role (commands: the core then checks what the role may do). */
export function anyRole(p: Principal): Access {
  const caller = apiCaller(p);
  if (caller.ok && caller.role === null) return refused(apiError('unauthorized', SEND_CONTROL_TOKEN));
  return caller;
}

/**
 * Reading the state or a download (report, agenda export): anyone on a trusted address, or
 * anyone with a token of any role, as a bearer header or as `?token=` (a link that works when
 * opened in a tab or saved).
 */
export function reader(p: Principal): Access {
  const caller = apiCaller(p);
  if (!caller.ok) return caller;
  const role = caller.role ?? p.presented.query?.role ?? null;
  if (role === null && !p.trusted) return refused(apiError('unauthorized', 'a token is required to read from another machine'));
  return { ok: true, role };
}

/** Control's own routes (settings, import, download links): 401 without a valid bearer token, 403 for another role, naming what was refused. */
export function controlOnly(p: Principal, action: string, field?: string): Access {
  const caller = anyRole(p);
  if (!caller.ok) return caller;
  if (caller.role !== 'control') return refused(apiError('forbidden', `the ${caller.role} role may not ${action}`, field));
  return caller;
}

/** Hardware triggers: the control token as `?token=` (which wins) or as a bearer header. */
export function triggerCaller(p: Principal): Access {
  const given = p.presented.query ?? p.presented.bearer;
  if (!given || given.token === '') return refused(apiError('unauthorized', 'send the control token as ?token=<token> or "Authorization: Bearer <token>"'));
  if (given.role === null) return refused(apiError('unauthorized', NOT_VALID));
  if (given.role !== 'control') return refused(apiError('forbidden', 'triggers need the control token'));
  return { ok: true, role: 'control' };
}

/** A socket: without a token only from a trusted address (it then only receives); an unknown token is refused. */
export function socketCaller(p: Principal): Access {
  const given = p.presented.handshake;
  if (!given) return p.trusted ? { ok: true, role: null } : refused(apiError('unauthorized', 'unauthorized: a token is required to connect from another machine'));
  if (given.role === null) return refused(apiError('unauthorized', `unauthorized: ${NOT_VALID}`));
  return { ok: true, role: given.role };
}

/** The rate-limit key of an API request: its valid token's own budget, or its address's. */
export function budgetKey(p: Principal, address: string): { key: string; byToken: boolean } {
  const { bearer, query } = p.presented;
  const given = bearer ?? query;
  return given && given.role !== null ? { key: `token:${given.token}`, byToken: true } : { key: `address:${address}`, byToken: false };
}

/** The rule a route's contract names (shared/contract/http-routes.ts), applied to its caller. */
export function accessFor(spec: RouteSpec, p: Principal): Access {
  switch (spec.access) {
    case 'anyone':
      return apiCaller(p);
    case 'reader':
      return reader(p);
    case 'role':
      return anyRole(p);
    case 'control':
      return controlOnly(p, spec.action ?? 'do this', spec.field);
    case 'trigger':
      return triggerCaller(p);
  }
}

/**
 * A relay route's rule (shared/contract/relay-routes.ts) over a remote caller. `linked`: the venue
 * has sent the remote tokens; before that no token can be checked, so one given is answered
 * `venue-unavailable` (try again) rather than refused.
 */
export function remoteAccessFor(spec: RouteSpec<RelayRouteAccess>, p: Principal<RemoteRole>, grant: RemoteGrant | null): Access<RemoteRole | null> {
  const linked = grant !== null;
  if (spec.access === 'open') return { ok: true, role: null };
  const { bearer, query } = p.presented;
  // A link opened in a tab carries its token as `?token=`; a command comes with a header.
  const given = spec.access === 'remote' ? (bearer ?? query) : bearer;
  if (!given || given.role === null) {
    const token = given?.token ?? '';
    if (!linked && token !== '') return refused(apiError('venue-unavailable', 'the venue has not linked to this relay yet'));
    return refused(apiError('unauthorized', token !== '' ? NOT_VALID : 'a remote token is required ("Authorization: Bearer <token>")'));
  }
  // A role switched off at the venue (the co-host) is known, and refused: 403, not 401.
  if (grant !== null && !grantAllows(grant, given.role)) return refused(apiError('forbidden', `the remote ${given.role} is switched off at the venue`));
  if (spec.access === 'remote-sender' && VENUE_ROLE_OF_REMOTE[given.role] === null) {
    return refused(apiError('forbidden', `a remote ${given.role} link may not ${spec.action ?? 'do this'}`));
  }
  return { ok: true, role: given.role };
}
