import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { apiError } from '../../shared/contract/errors';
import { issuesToErrors } from '../../shared/contract/validate';
import { bearerToken, readJsonBody, sendError } from './http-util';
import { roleForToken, type Tokens } from './tokens';

/**
 * For the console's settings routes (tokens, LAN mode, OSC): answers 401 without a valid token and
 * 403 for any role but control, naming what was refused. True when the request may go on.
 */
export function requireControl(req: IncomingMessage, res: ServerResponse, tokens: Tokens, action: string): boolean {
  const token = bearerToken(req);
  const role = token ? roleForToken(tokens, token) : null;
  if (role === null) {
    sendError(res, apiError('unauthorized', token ? 'the token is not valid' : 'send the control token as "Authorization: Bearer <token>"'));
    return false;
  }
  if (role !== 'control') {
    sendError(res, apiError('forbidden', `the ${role} role may not ${action}`));
    return false;
  }
  return true;
}

/**
 * Reads a JSON body and checks it against `schema`. Answers 400 naming the first wrong field (or
 * `expected` when the schema names none) and returns null when the body is not acceptable.
 */
export async function readValidBody<T>(req: IncomingMessage, res: ServerResponse, schema: z.ZodType<T>, expected: string): Promise<T | null> {
  const body = await readJsonBody(req);
  if (!body.ok) {
    sendError(res, body.error);
    return null;
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    sendError(res, issuesToErrors(parsed.error.issues)[0] ?? apiError('invalid', expected));
    return null;
  }
  return parsed.data;
}
