import { TOKEN_PARAM, VIEWS, VIEW_ROLE, type View } from '../../shared/contract/http';
import { rotateBodySchema } from '../../shared/contract/network-schemas';
import { sendError } from '../server/http-util';
import { rotatedToken } from '../server/tokens';
import type { Handler } from './route-context';
import { readValidBody } from './valid-body';

/**
 * `POST /api/v1/tokens/rotate {role}`, control only: gives a role a new token (say, after a link
 * was shared too widely).
 */
export const rotateToken: Handler<'rotateToken'> = async ({ req, res, ctx, answer }) => {
  const body = await readValidBody(req, rotateBodySchema, 'expected {"role": "control" | "booth" | "view"}');
  if (!body.ok) return sendError(res, body.error);
  const rotated = body.value.role;
  const fresh = rotatedToken(ctx.tokens(), rotated);
  const disconnected = ctx.rotate(rotated, fresh);
  const base = `http://${req.headers.host ?? 'localhost'}`;
  const links = Object.fromEntries(
    VIEWS.filter((v) => VIEW_ROLE[v] === rotated).map((v) => [v, `${base}/${v}?${TOKEN_PARAM}=${encodeURIComponent(fresh)}`]),
  ) as Partial<Record<View, string>>;
  answer({ ok: true, role: rotated, links, disconnected });
};
