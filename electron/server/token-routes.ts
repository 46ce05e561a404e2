import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../shared/contract/errors';
import { TOKEN_PARAM, VIEWS, VIEW_ROLE, type View } from '../../shared/contract/http';
import { ROTATE_PATH, type RotateResponse } from '../../shared/contract/network';
import { rotateBodySchema } from '../../shared/contract/network-schemas';
import type { Role } from '../../shared/contract/roles';
import { issuesToErrors } from '../../shared/contract/validate';
import { bearerToken, readJsonBody, sendError, sendJson } from './http-util';
import { generateToken, roleForToken, type Tokens } from './tokens';

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
  const token = bearerToken(req);
  const role = token ? roleForToken(ctx.tokens(), token) : null;
  if (role === null) {
    sendError(res, apiError('unauthorized', 'send the control token as "Authorization: Bearer <token>"'));
    return true;
  }
  if (role !== 'control') {
    sendError(res, apiError('forbidden', `the ${role} role may not rotate tokens`));
    return true;
  }
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendError(res, body.error);
    return true;
  }
  const parsed = rotateBodySchema.safeParse(body.value);
  if (!parsed.success) {
    sendError(res, issuesToErrors(parsed.error.issues)[0] ?? apiError('invalid', 'expected {"role": "control" | "booth" | "view"}'));
    return true;
  }
  const rotated = parsed.data.role;
  const fresh = generateToken();
  const disconnected = ctx.rotate(rotated, fresh);
  const base = `http://${req.headers.host ?? 'localhost'}`;
  const links = Object.fromEntries(
    VIEWS.filter((v) => VIEW_ROLE[v] === rotated).map((v) => [v, `${base}/${v}?${TOKEN_PARAM}=${encodeURIComponent(fresh)}`]),
  ) as Partial<Record<View, string>>;
  const response: RotateResponse = { ok: true, role: rotated, links, disconnected };
  sendJson(res, 200, response);
  return true;
}
