import type { IncomingMessage } from 'node:http';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { declaredTooLarge } from './http-util';

export type RawBody = { ok: true; bytes: Buffer } | { ok: false; error: ApiError };

/**
 * Reads a raw (file) body up to `limit` bytes. Over the limit it answers `too-large` at once (a
 * declared Content-Length is checked before anything is read) and discards the rest of the upload.
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<RawBody> {
  const tooLarge = (): RawBody => ({
    ok: false,
    error: apiError('too-large', `body: the file is larger than ${Math.round(limit / 1024 / 1024)} MiB (${limit} bytes)`, 'body'),
  });
  if (declaredTooLarge(req, limit)) {
    req.resume();
    return Promise.resolve(tooLarge());
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: RawBody) => {
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
        finish(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => finish({ ok: false, error: apiError('invalid', 'body: the upload was interrupted', 'body') }));
    req.on('end', () => finish({ ok: true, bytes: Buffer.concat(chunks) }));
  });
}
