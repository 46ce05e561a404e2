import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { issuesToErrors } from '../../shared/contract/validate';
import { readJsonBody } from './read-body';

/**
 * Reads a JSON body and checks it against `schema`: the refusal names the first wrong field (or
 * `expected` when the schema names none).
 */
export async function readValidBody<T>(req: IncomingMessage, schema: z.ZodType<T>, expected: string): Promise<{ ok: true; value: T } | { ok: false; error: ApiError }> {
  const body = await readJsonBody(req);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, error: issuesToErrors(parsed.error.issues)[0] ?? apiError('invalid', expected) };
  return { ok: true, value: parsed.data };
}
