import { HTTP_ROUTES, type RouteName, type RouteSpec } from '../../shared/contract/http-routes';
import { apiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import { accessFor } from '../server/access';
import { authenticate } from '../server/authenticate';
import { agendaExport } from './agenda-export-route';
import { automations, automationsReplace, automationsTest } from './automation-routes';
import { agendaImport } from './agenda-import-route';
import { commands, health, state } from './core-routes';
import { displays } from './displays-route';
import { branding, brandingChange, brandingCss, brandingCssUpload, brandingLogo, brandingLogoUpload } from './branding-routes';
import { lan, network, roomLinks } from './network-routes';
import { oscChange, oscStatus } from './osc-routes';
import { relay, relayChange, relayRotate } from './relay-link-route';
import { reportLinks } from './report-links-route';
import { report } from './report-route';
import type { Handler, RoomCall, RouteContext } from './route-context';
import { findRouteIn, routerFor, type Found, type Granted } from './router';
import { rotateToken } from './token-routes';
import { addLinkedRoom, addRoom, eventExport, eventReport, linkedCommand, linkedRooms, moveItem, removeRoom, renameRoom, reorderRooms, roomTokens, rooms, rotateRoomToken } from './room-routes';
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
  relayChange,
  relayRotate,
  agendaImport,
  agendaExport,
  report,
  reportLinks,
  trigger,
  displays,
  branding,
  brandingChange,
  brandingLogo,
  brandingLogoUpload,
  brandingCss,
  brandingCssUpload,
  automations,
  automationsReplace,
  automationsTest,
  rooms,
  addRoom,
  roomTokens,
  renameRoom,
  removeRoom,
  eventReport,
  linkedRooms,
  addLinkedRoom,
  linkedCommand,
  moveItem,
  eventExport,
  reorderRooms,
  rotateRoomToken,
  roomLinks,
};

/** The venue route for `method pathname`: its name, or a 404 naming the methods the path has. */
export const findRoute = (method: string, pathname: string): Found<RouteName> => findRouteIn(HTTP_ROUTES, method, pathname);

/**
 * The venue API's one entry (router.ts): who calls is decided once (authenticate), then the
 * route's access rule from the contract. False: the path is not under `/api/v1/`.
 */
export function apiRouter(ctx: RouteContext) {
  return routerFor({
    routes: HTTP_ROUTES,
    handlers: ROUTE_HANDLERS,
    ctx,
    // `/api/v1/rooms/<id>/…` mirrors today's route in room <id> (#18); today's paths address `main`.
    place: {
      of: (pathname) => {
        const inRoom = splitRoomPath(pathname);
        return inRoom ? { pathname: inRoom.path, scope: inRoom.room, plain: false } : { pathname, scope: MAIN_ROOM, plain: true };
      },
      scoped: (spec) => spec.perRoom === true,
    },
    access: (spec: RouteSpec, req, room: string): Granted<RouteContext, Role | null, RoomCall> => {
      const principal = authenticate(req, ctx.tokens(), ctx.rooms);
      const access = accessFor(spec, principal);
      if (!access.ok) return access;
      const core = ctx.rooms.core(room);
      if (!core) return { ok: false, error: apiError('not-found', `no room "${room}" (GET /api/v1/rooms lists them)`, 'room') };
      const scope = roomScopeRefusal(principal, routeTarget(spec, room));
      if (scope) return { ok: false, error: scope };
      const mayActIn = (other: string) => roomScopeRefusal(principal, { room: other }) === null;
      const producer = roomScopeRefusal(principal, 'event') === null;
      return { ...access, ctx: core === ctx.core ? ctx : { ...ctx, core }, extra: { room, mayActIn, producer } };
    },
  });
}
