import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
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

export interface RouterOptions<N extends string, A extends string, C, R> {
  routes: Table<N, A>;
  /** One per route, typed by the table's own handler map (route-table.ts, relay-routes.ts). */
  handlers: Readonly<Record<N, (call: never) => void | Promise<void>>>;
  /** Who calls (authenticate) and whether the route's rule lets them: the role they act with, or the refusal. */
  access: (spec: RouteSpec<A>, req: IncomingMessage) => Access<R>;
  ctx: C;
  /** Follows the path in a 404's message. */
  where?: string;
}

/**
 * A server's API entry: finds the route, applies its access rule, then runs its handler.
 * False: the path is not under `/api/v1/`.
 */
export function routerFor<N extends string, A extends string, C, R>(o: RouterOptions<N, A, C, R>) {
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return false;
    const found = findRouteIn(o.routes, req.method ?? 'GET', url.pathname, o.where);
    if (!found.ok) {
      req.resume();
      if (found.allowed.length > 0) res.setHeader('allow', found.allowed.join(', '));
      sendError(res, apiError('not-found', found.message));
      return true;
    }
    const access = o.access(o.routes[found.name], req);
    if (!access.ok) {
      req.resume();
      sendError(res, access.error);
      return true;
    }
    // The table's handler map typed each handler for its route; the rule just let this call through.
    const handler = o.handlers[found.name] as (call: Call<C, R, unknown>) => void | Promise<void>;
    await handler({ req, res, url, role: access.role, ctx: o.ctx, answer: (body) => sendJson(res, 200, body) });
    return true;
  };
}
