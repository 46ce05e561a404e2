import type { IncomingMessage } from 'node:http';
import { apiError, type ApiError } from '../../shared/contract/errors';

/** The largest JSON body (a command, a setting) and the largest socket.io message. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type BodyRead<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A declared `Content-Length` over `limit`: refused before a byte of the body is read. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The one body reader: up to `limit` bytes. Over the limit it answers `too-large` at once (a
 * declared Content-Length is checked before anything is read) and discards the rest of the
 * upload without keeping it, so the connection stays usable for the answer. `tooLarge` words the
 * refusal (`declared`: the Content-Length said so).
 */
export function readBody(req: IncomingMessage, limit: number, tooLarge: (declared: string | null) => string): Promise<BodyRead<Buffer>> {
  const refuse = (declared: string | null): BodyRead<Buffer> => ({ ok: false, error: apiError('too-large', tooLarge(declared), 'body') });
  if (declaredTooLarge(req, limit)) {
    req.resume();
    return Promise.resolve(refuse(req.headers['content-length'] ?? null));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyRead<Buffer>) => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish(refuse(null));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, error: apiError('invalid', 'body: the upload was interrupted', 'body') }));
    req.on('end', () => finish({ ok: true, value: Buffer.concat(chunks) }));
  });
}

/** A file upload (agenda import): the bytes, up to `limit`. */
export const readFileBody = (req: IncomingMessage, limit: number): Promise<BodyRead<Buffer>> =>
  readBody(req, limit, () => `body: the file is larger than ${Math.round(limit / 1024 / 1024)} MiB (${limit} bytes)`);

/** A JSON body up to MAX_BODY_BYTES; errors name what is wrong. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyRead<unknown>> {
  const read = await readBody(req, MAX_BODY_BYTES, (declared) =>
    declared === null ? `body: larger than ${MAX_BODY_BYTES} bytes` : `body: Content-Length ${declared} is larger than ${MAX_BODY_BYTES} bytes`,
  );
  if (!read.ok) return read;
  const text = read.value.toString('utf8');
  if (text.trim() === '') return { ok: false, error: apiError('invalid', 'body: a JSON command is required', 'body') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: apiError('invalid', `body: not valid JSON (${(e as Error).message})`, 'body') };
  }
}
