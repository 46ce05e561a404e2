import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_ROUTES, type Method, type RouteName, type RouteSpec } from '../../shared/contract/http-routes';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { accessFor } from '../server/access';
import { authenticate } from '../server/authenticate';
import { sendError, sendJson } from '../server/http-util';
import { agendaExport } from './agenda-export-route';
import { agendaImport } from './agenda-import-route';
import { commands, health, state } from './core-routes';
import { lan, network } from './network-routes';
import { oscChange, oscStatus } from './osc-routes';
import { relay } from './relay-link-route';
import { reportLinks } from './report-links-route';
import { report } from './report-route';
import type { Handler, RouteContext } from './route-context';
import { rotateToken } from './token-routes';
import { addLinkedRoom, addRoom, eventReport, linkedCommand, linkedRooms, removeRoom, renameRoom, roomTokens, rooms } from './room-routes';
import { MAIN_ROOM, splitRoomPath } from '../../shared/contract/rooms';
import { roomScopeRefusal, routeTarget } from '../rooms/room-access';
import { trigger } from './trigger-routes';

/** One handler per route of the contract, no more: the compiler checks both ways. */
export const ROUTE_HANDLERS: { [K in RouteName]: Handler<K> } = {
  health,
  state,
  commands,
  network,
  lan,
  oscStatus,
  oscChange,
  rotateToken,
  relay,
  agendaImport,
  agendaExport,
  report,
  reportLinks,
  trigger,
  rooms,
  addRoom,
  roomTokens,
  renameRoom,
  removeRoom,
  eventReport,
  linkedRooms,
  addLinkedRoom,
  linkedCommand,
};

const methodsOf = (spec: RouteSpec): readonly Method[] => (typeof spec.method === 'string' ? [spec.method] : spec.method);
const matches = (spec: RouteSpec, pathname: string): boolean =>
  spec.path.endsWith('/*') ? pathname.startsWith(spec.path.slice(0, -1)) : pathname === spec.path;

/** The routes at `pathname` (one per method, or a prefix route). */
export function routesAt(pathname: string): { name: RouteName; spec: RouteSpec }[] {
  return (Object.entries(HTTP_ROUTES) as [RouteName, RouteSpec][]).filter(([, spec]) => matches(spec, pathname)).map(([name, spec]) => ({ name, spec }));
}

/** The route for `method pathname`: its name, or a 404 naming the methods the path has. */
export function findRoute(method: string, pathname: string): { ok: true; name: RouteName } | { ok: false; message: string; allowed: readonly Method[] } {
  const here = routesAt(pathname);
  const found = here.find((r) => methodsOf(r.spec).includes(method as Method));
  if (found) return { ok: true, name: found.name };
  const allowed = here.flatMap((r) => methodsOf(r.spec));
  return { ok: false, message: `no route ${method} ${pathname}${allowed.length > 0 ? ` (use ${allowed.join(' or ')})` : ''}`, allowed };
}

/**
 * The API's one entry: finds the route, decides who calls (authenticate), applies the route's
 * access rule from the contract, then runs its handler. False: the path is not under `/api/v1/`.
 */
export function apiRouter(ctx: RouteContext) {
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith('/api/v1/')) return false;
    // `/api/v1/rooms/<id>/…` mirrors today's route in room <id> (#18); today's paths address `main`.
    const inRoom = splitRoomPath(url.pathname);
    const routeUrl = inRoom ? new URL(`${inRoom.path}${url.search}`, url.origin) : url;
    const room = inRoom?.room ?? MAIN_ROOM;
    const found = findRoute(req.method ?? 'GET', routeUrl.pathname);
    const refuse = (error: ApiError) => {
      req.resume();
      sendError(res, error);
      return true;
    };
    if (!found.ok || (inRoom && !(HTTP_ROUTES[found.name] as RouteSpec).perRoom)) {
      if (!found.ok && found.allowed.length > 0) res.setHeader('allow', found.allowed.join(', '));
      return refuse(apiError('not-found', found.ok ? `no route ${req.method ?? 'GET'} ${url.pathname}` : found.message.replace(routeUrl.pathname, url.pathname)));
    }
    const spec: RouteSpec = HTTP_ROUTES[found.name];
    const principal = authenticate(req, ctx.tokens(), ctx.rooms);
    const access = accessFor(spec, principal);
    if (!access.ok) return refuse(access.error);
    const core = ctx.rooms.core(room);
    if (!core) return refuse(apiError('not-found', `no room "${room}" (GET /api/v1/rooms lists them)`, 'room'));
    const scope = roomScopeRefusal(principal, routeTarget(spec, room));
    if (scope) return refuse(scope);
    const handler = ROUTE_HANDLERS[found.name] as Handler<RouteName>;
    const roomCtx = core === ctx.core ? ctx : { ...ctx, core };
    const mayActIn = (other: string) => roomScopeRefusal(principal, { room: other }) === null;
    await handler({ req, res, url: routeUrl, role: access.role, ctx: roomCtx, room, mayActIn, answer: (body) => sendJson(res, 200, body) });
    return true;
  };
}
