import { HTTP_ROUTES, type RouteName } from '../../shared/contract/http-routes';
import { accessFor } from '../server/access';
import { authenticate } from '../server/authenticate';
import { agendaExport } from './agenda-export-route';
import { automations, automationsReplace, automationsTest } from './automation-routes';
import { agendaImport } from './agenda-import-route';
import { commands, health, state } from './core-routes';
import { displays } from './displays-route';
import { branding, brandingChange, brandingCss, brandingCssUpload, brandingLogo, brandingLogoUpload } from './branding-routes';
import { lan, network } from './network-routes';
import { oscChange, oscStatus } from './osc-routes';
import { relay, relayChange, relayRotate } from './relay-link-route';
import { reportLinks } from './report-links-route';
import { report } from './report-route';
import type { Handler, RouteContext } from './route-context';
import { findRouteIn, routerFor, type Found } from './router';
import { rotateToken } from './token-routes';
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
};

/** The venue route for `method pathname`: its name, or a 404 naming the methods the path has. */
export const findRoute = (method: string, pathname: string): Found<RouteName> => findRouteIn(HTTP_ROUTES, method, pathname);

/**
 * The venue API's one entry (router.ts): who calls is decided once (authenticate), then the
 * route's access rule from the contract. False: the path is not under `/api/v1/`.
 */
export function apiRouter(ctx: RouteContext) {
  return routerFor({ routes: HTTP_ROUTES, handlers: ROUTE_HANDLERS, ctx, access: (spec, req) => accessFor(spec, authenticate(req, ctx.tokens())) });
}
