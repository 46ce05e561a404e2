import type { IncomingMessage } from 'node:http';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import { TOKEN_PARAM } from '../../shared/contract/http';
import { isTrustedRequest } from './request-guard';
import { roleForToken, type Tokens } from './tokens';

/**
 * Who may read a download (report, agenda export): like `GET /api/v1/state`, anyone on a trusted address (`--trusted-addresses`, default this machine),
 * or anyone with a token of any role, given as a bearer header or as `?token=` (so that a link, opened
 * in a browser tab or saved, works). An unknown token is refused.
 */
export function readAccess(req: IncomingMessage, query: URLSearchParams, bearerRole: Role | null, tokens: Tokens): { ok: true } | { ok: false; error: ApiError } {
  let role = bearerRole;
  const given = query.get(TOKEN_PARAM);
  if (role === null && given !== null && given !== '') {
    role = roleForToken(tokens, given);
    if (role === null) return { ok: false, error: apiError('unauthorized', 'the token is not valid') };
  }
  if (role === null && !isTrustedRequest(req)) {
    return { ok: false, error: apiError('unauthorized', 'a token is required to read from another machine') };
  }
  return { ok: true };
}
