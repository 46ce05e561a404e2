import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { OSC_PATH } from '../../shared/contract/osc';
import { oscBodySchema } from '../../shared/contract/osc-schemas';
import { issuesToErrors } from '../../shared/contract/validate';
import type { OscControl } from '../osc/osc-control';
import { bearerToken, readJsonBody, sendError, sendJson } from './http-util';
import { roleForToken, type Tokens } from './tokens';

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
  const token = bearerToken(req);
  const role = token ? roleForToken(ctx.tokens(), token) : null;
  if (role === null) {
    sendError(res, apiError('unauthorized', token ? 'the token is not valid' : 'send the control token as "Authorization: Bearer <token>"'));
    return true;
  }
  if (role !== 'control') {
    sendError(res, apiError('forbidden', `the ${role} role may not ${method === 'GET' ? 'read' : 'change'} the OSC settings`));
    return true;
  }
  if (method === 'GET') {
    sendJson(res, 200, await ctx.osc.status());
    return true;
  }
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendError(res, body.error);
    return true;
  }
  const parsed = oscBodySchema.safeParse(body.value);
  if (!parsed.success) {
    sendError(res, issuesToErrors(parsed.error.issues)[0] ?? apiError('invalid', 'expected {"on"?, "port"?, "allow"?, "feedback"?}'));
    return true;
  }
  const { on, port, allow, feedback } = parsed.data;
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
