import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { API_PREFIX } from '../../shared/contract/http';
import { methodsOf, type Method, type RouteSpec } from '../../shared/contract/http-routes';
import type { Access } from '../server/access';
import { sendError, sendJson } from '../server/http-util';

/**
 * The one router: a route table of the contract (the venue's `HTTP_ROUTES`, the relay's
 * `RELAY_ROUTES`), one handler per route and the server's access rule make a server's API.
 * route-table.ts is the venue's, relay-routes.ts the relay's.
 */
type Table<N extends string, A extends string> = Readonly<Record<N, RouteSpec<A>>>;

/** One call of a route, after its access rule let it through. */
export interface Call<C, R, Answer> {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The role the caller acts with, as the route's access rule decided. */
  role: R;
  ctx: C;
  /** Answers 200 with the route's JSON answer, as the contract types it. */
  answer: (body: Answer) => void;
}

export type Found<N extends string> = { ok: true; name: N } | { ok: false; message: string; allowed: readonly Method[] };

const matches = (spec: RouteSpec<string>, pathname: string): boolean =>
  spec.path.endsWith('/*') ? pathname.startsWith(spec.path.slice(0, -1)) : pathname === spec.path;

/**
 * The route for `method pathname` in `table`: its name, or a 404 naming the methods the path has.
 * `where` follows the path in the message (" on a relay").
 */
export function findRouteIn<N extends string>(table: Table<N, string>, method: string, pathname: string, where = ''): Found<N> {
  const here = (Object.entries(table) as [N, RouteSpec<string>][]).filter(([, spec]) => matches(spec, pathname));
  const found = here.find(([, spec]) => methodsOf(spec).includes(method as Method));
  if (found) return { ok: true, name: found[0] };
  const allowed = here.flatMap(([, spec]) => methodsOf(spec));
  return { ok: false, message: `no route ${method} ${pathname}${where}${allowed.length > 0 ? ` (use ${allowed.join(' or ')})` : ''}`, allowed };
}

/** What an access rule lets through: the role, and (for a scoped call) the context and extra fields its handler gets. */
export type Granted<C, R, X> = Access<R> & ({ ok: false } | { ctx?: C; extra?: X });

/** A path inside a scope (the venue's rooms, #18: `/api/v1/rooms/<id>/state`): the table's own path, and the scope. */
export interface Placed<S> {
  pathname: string;
  scope: S;
  /** False: the path named a scope, and only routes `scoped` allows may be called in one. */
  plain: boolean;
}

export interface RouterOptions<N extends string, A extends string, C, R, S = null, X = object> {
  routes: Table<N, A>;
  /** One per route, typed by the table's own handler map (route-table.ts, relay-routes.ts). */
  handlers: Readonly<Record<N, (call: never) => void | Promise<void>>>;
  /** Who calls (authenticate) and whether the route's rule lets them in `scope`: the role they act with, or the refusal. */
  access: (spec: RouteSpec<A>, req: IncomingMessage, scope: S) => Granted<C, R, X>;
  ctx: C;
  /** Follows the path in a 404's message. */
  where?: string;
  /** Scoped paths (the venue's rooms): where a path points, and which routes may be called in a scope. */
  place?: { of: (pathname: string) => Placed<S>; scoped: (spec: RouteSpec<A>) => boolean };
}

/**
 * A server's API entry: finds the route, applies its access rule, then runs its handler.
 * False: the path is not under `/api/v1/`.
 */
export function routerFor<N extends string, A extends string, C, R, S = null, X = object>(o: RouterOptions<N, A, C, R, S, X>) {
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return false;
    const placed: Placed<S> = o.place ? o.place.of(url.pathname) : { pathname: url.pathname, scope: null as S, plain: true };
    const routeUrl = placed.plain ? url : new URL(`${placed.pathname}${url.search}`, url.origin);
    const found = findRouteIn(o.routes, req.method ?? 'GET', placed.pathname, o.where);
    const refuse = (error: ApiError) => {
      req.resume();
      sendError(res, error);
      return true;
    };
    if (!found.ok) {
      if (found.allowed.length > 0) res.setHeader('allow', found.allowed.join(', '));
      return refuse(apiError('not-found', found.message.replace(placed.pathname, url.pathname)));
    }
    if (!placed.plain && !o.place?.scoped(o.routes[found.name])) return refuse(apiError('not-found', `no route ${req.method ?? 'GET'} ${url.pathname}${o.where ?? ''}`));
    const access = o.access(o.routes[found.name], req, placed.scope);
    if (!access.ok) return refuse(access.error);
    // The table's handler map typed each handler for its route; the rule just let this call through.
    const handler = o.handlers[found.name] as (call: Call<C, R, unknown> & X) => void | Promise<void>;
    const call: Call<C, R, unknown> = { req, res, url: routeUrl, role: access.role, ctx: access.ctx ?? o.ctx, answer: (body) => sendJson(res, 200, body) };
    await handler({ ...call, ...(access.extra as X) });
    return true;
  };
}
