import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { OSC_PATH } from '../../shared/contract/osc';
import { oscBodySchema } from '../../shared/contract/osc-schemas';
import type { OscControl } from '../osc/osc-control';
import { readValidBody, requireControl } from './control-route';
import { sendError, sendJson } from './http-util';
import type { Tokens } from './tokens';

export interface OscRouteContext {
  tokens: () => Tokens;
  osc: OscControl;
}

/**
 * `GET /api/v1/network/osc` and `POST /api/v1/network/osc {on?, port?, allow?, feedback?}`,
 * control only (OSC commands act with the control role). Returns false for any other path.
 */
export async function oscRoutes(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: OscRouteContext): Promise<boolean> {
  if (pathname !== OSC_PATH) return false;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    sendError(res, apiError('not-found', `no route ${method} ${pathname} (use GET or POST)`));
    return true;
  }
  if (!requireControl(req, res, ctx.tokens(), `${method === 'GET' ? 'read' : 'change'} the OSC settings`)) return true;
  if (method === 'GET') {
    sendJson(res, 200, await ctx.osc.status());
    return true;
  }
  const body = await readValidBody(req, res, oscBodySchema, 'expected {"on"?, "port"?, "allow"?, "feedback"?}');
  if (body === null) return true;
  const { on, port, allow, feedback } = body;
  const changed = await ctx.osc.update({
    ...(on !== undefined ? { on } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(allow !== undefined ? { allow } : {}),
    ...(feedback !== undefined ? { feedback } : {}),
  });
  if (!changed.ok) sendError(res, apiError('invalid', changed.message, changed.field));
  else sendJson(res, 200, changed.status);
  return true;
}
