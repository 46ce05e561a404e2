import type { ServerResponse } from 'node:http';
import { HTTP_STATUS, type ApiError } from '../../shared/contract/errors';

/** Sends a file to download (an export, a report): its type, length and name, never cached or sniffed. */
export function sendDownload(res: ServerResponse, file: { body: Buffer; contentType: string; fileName: string }): void {
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.body.byteLength,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(file.body);
}

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

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, HTTP_STATUS[error.code], { error }, ERROR_HEADERS[error.code]);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
