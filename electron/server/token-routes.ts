import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { TOKEN_PARAM, VIEWS, VIEW_ROLE, type View } from '../../shared/contract/http';
import { ROTATE_PATH, type RotateResponse } from '../../shared/contract/network';
import { rotateBodySchema } from '../../shared/contract/network-schemas';
import type { Role } from '../../shared/contract/roles';
import { readValidBody, requireControl } from './control-route';
import { sendError, sendJson } from './http-util';
import { rotatedToken, type Tokens } from './tokens';

export interface TokenRouteContext {
  tokens: () => Tokens;
  /** Replaces one role's token: keeps it (settings) and disconnects the clients that used the old one. */
  rotate: (role: Role, token: string) => number;
}

/**
 * `POST /api/v1/tokens/rotate {role}`, control only: gives a role a new token (say, after a link
 * was shared too widely). Returns false when the path is not this route.
 */
export async function tokenRoutes(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: TokenRouteContext): Promise<boolean> {
  if (pathname !== ROTATE_PATH) return false;
  if (req.method !== 'POST') {
    sendError(res, apiError('not-found', `no route ${req.method ?? 'GET'} ${pathname}`));
    return true;
  }
  if (!requireControl(req, res, ctx.tokens(), 'rotate tokens')) return true;
  const body = await readValidBody(req, res, rotateBodySchema, 'expected {"role": "control" | "booth" | "view"}');
  if (body === null) return true;
  const rotated = body.role;
  const fresh = rotatedToken(ctx.tokens(), rotated);
  const disconnected = ctx.rotate(rotated, fresh);
  const base = `http://${req.headers.host ?? 'localhost'}`;
  const links = Object.fromEntries(
    VIEWS.filter((v) => VIEW_ROLE[v] === rotated).map((v) => [v, `${base}/${v}?${TOKEN_PARAM}=${encodeURIComponent(fresh)}`]),
  ) as Partial<Record<View, string>>;
  const response: RotateResponse = { ok: true, role: rotated, links, disconnected };
  sendJson(res, 200, response);
  return true;
}
