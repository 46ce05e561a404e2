import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, TOKEN_PARAM, type HealthResponse } from '../../shared/contract/http';
import { apiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { RostrumCore } from './core';
import { bearerToken, readJsonBody, sendError, sendJson } from './http-util';
import { isTrustedRequest } from './request-guard';
import { makeSnapshot, startupWarningFor } from './snapshot';
import { agendaIoRoutes } from '../agenda-io/agenda-io-routes';
import { roleForToken, type Tokens } from './tokens';
import { TRIGGER_PREFIX, handleTrigger } from './trigger-routes';

export interface ApiContext {
  core: RostrumCore;
  tokens: () => Tokens;
  version: string;
}

type Auth = { ok: true; role: Role | null } | { ok: false };

/**
 * A missing token is fine (role null); an unknown one is refused with 401, as a bearer header or
 * as `?token=` (which the downloads read): a wrong link must say so, even from a trusted address.
 */
function authenticate(req: IncomingMessage, res: ServerResponse, ctx: ApiContext, query: URLSearchParams): Auth {
  const given = query.get(TOKEN_PARAM);
  if (given !== null && given !== '' && roleForToken(ctx.tokens(), given) === null) {
    sendError(res, apiError('unauthorized', 'the token is not valid'));
    return { ok: false };
  }
  const token = bearerToken(req);
  if (token === null) return { ok: true, role: null };
  const role = roleForToken(ctx.tokens(), token);
  if (role === null) {
    sendError(res, apiError('unauthorized', 'the token is not valid'));
    return { ok: false };
  }
  return { ok: true, role };
}

/** HTTP API v1 (docs/api.md). Returns false when the path is not an API route. */
export function apiRoutes(ctx: ApiContext) {
  return async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (!pathname.startsWith(`${API_PREFIX}/`)) return false;
    if (pathname.startsWith(TRIGGER_PREFIX)) return handleTrigger(req, res, ctx);
    const route = `${req.method ?? 'GET'} ${pathname}`;
    const auth = authenticate(req, res, ctx, new URL(req.url ?? '/', 'http://localhost').searchParams);
    if (!auth.ok) return true;
    const readAllowed = auth.role !== null || isTrustedRequest(req);
    if (await agendaIoRoutes(route, req, res, ctx, auth.role)) return true;

    switch (route) {
      case `GET ${API_PREFIX}/health`: {
        const body: HealthResponse = {
          ok: true,
          name: 'rostrum',
          version: ctx.version,
          revision: ctx.core.state.revision,
          serverTime: ctx.core.clock.now(),
        };
        sendJson(res, 200, body);
        return true;
      }
      case `GET ${API_PREFIX}/state`:
        if (!readAllowed) sendError(res, apiError('unauthorized', 'a token is required to read from another machine'));
        else sendJson(res, 200, makeSnapshot(ctx.core.state, ctx.core.clock.now(), startupWarningFor(ctx.core, auth.role)));
        return true;
      case `POST ${API_PREFIX}/commands`: {
        if (auth.role === null) {
          sendError(res, apiError('unauthorized', 'send the control token as "Authorization: Bearer <token>"'));
          return true;
        }
        const body = await readJsonBody(req);
        if (!body.ok) {
          sendError(res, body.error);
          return true;
        }
        const ack = ctx.core.execute(body.value, auth.role);
        if (ack.ok) sendJson(res, 200, ack);
        else sendError(res, ack.error);
        return true;
      }
      default:
        sendError(res, apiError('not-found', `no route ${route}`));
        return true;
    }
  };
}
