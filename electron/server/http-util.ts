import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_STATUS, apiError, type ApiError } from '../../shared/contract/errors';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(json);
}

/**
 * Every 429 says when to try again (a token bucket refills within the second). A 413 keeps the
 * connection: closing it while a browser is still uploading would turn the answer into a reset.
 */
const ERROR_HEADERS: Partial<Record<ApiError['code'], Record<string, string>>> = { 'rate-limited': { 'retry-after': '1' } };

/** A declared `Content-Length` over `limit`: refused before a byte of the body is read. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, HTTP_STATUS[error.code], { error }, ERROR_HEADERS[error.code]);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? '';
}

/** Reads a JSON body up to the limit; errors name what is wrong. */
export function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
  if (declaredTooLarge(req, MAX_BODY_BYTES)) {
    req.resume();
    return Promise.resolve({ ok: false, error: apiError('too-large', `body: Content-Length ${req.headers['content-length']} is larger than ${MAX_BODY_BYTES} bytes`, 'body') });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: { ok: true; value: unknown } | { ok: false; error: ApiError }) => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        finish({ ok: false, error: apiError('too-large', `body: larger than ${MAX_BODY_BYTES} bytes`, 'body') });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, error: apiError('invalid', 'body: the upload was interrupted', 'body') }));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return finish({ ok: false, error: apiError('invalid', 'body: a JSON command is required', 'body') });
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch (e) {
        finish({ ok: false, error: apiError('invalid', `body: not valid JSON (${(e as Error).message})`, 'body') });
      }
    });
  });
}
