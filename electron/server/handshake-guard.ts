import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HTTP_STATUS, type ApiError } from '../../shared/contract/errors';
import { otherSiteRefusal } from './api-budget';
import { sendError } from './http-util';
import type { RequestGuard } from './request-guard';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

const STATUS_TEXT: Record<number, string> = { 403: 'Forbidden' };

/**
 * The guard (Host allow-list, Origin, then `Sec-Fetch-Site` as for the API) for socket.io, ahead
 * of engine.io. Left to engine.io's `allowRequest`, a refusal is `403` over long-polling but
 * `400 Bad Request` for a websocket upgrade, with a body that names nothing. The request is well formed; who sent it is not allowed:
 * that is `403 forbidden` for both transports, with the same `{ error }` body as the HTTP API.
 * Call after socket.io is attached: its listeners are kept and run for every request that passes.
 */
export function guardSocketHandshakes(http: HttpServer, guard: RequestGuard, path = '/socket.io/'): void {
  const onRequest = http.listeners('request') as RequestListener[];
  const onUpgrade = http.listeners('upgrade') as UpgradeListener[];
  http.removeAllListeners('request');
  http.removeAllListeners('upgrade');
  // A hostile page's no-cors polling requests carry no Origin: fetch metadata names them instead.
  const refusalFor = (req: IncomingMessage): ApiError | null => ((req.url ?? '').startsWith(path) ? (guard.check(req) ?? otherSiteRefusal(req)) : null);

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = refusalFor(req);
    if (refusal) return sendError(res, refusal);
    for (const listener of onRequest) listener.call(http, req, res);
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refusalFor(req);
    if (refusal) return refuseUpgrade(socket, refusal);
    for (const listener of onUpgrade) listener.call(http, req, socket, head);
  });
}

function refuseUpgrade(socket: Duplex, error: ApiError): void {
  const status = HTTP_STATUS[error.code];
  const body = JSON.stringify({ error });
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Refused'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
