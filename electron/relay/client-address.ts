import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Who a request (or a socket's handshake) comes from, for the relay's per-address limits. Directly
 * on the internet that is the TCP peer. Behind a TLS reverse proxy (`--behind-tls-proxy`, deploy/),
 * every peer is the proxy: the client is the address the proxy appended last to
 * `X-Forwarded-For` (nginx `$proxy_add_x_forwarded_for`, Caddy's default). The entries before it
 * are whatever the client sent, so they are never read; without the flag the header is ignored
 * altogether, so a client cannot choose its own address.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string | undefined } }, behindProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? '';
  if (!behindProxy) return peer;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  const last = list[list.length - 1]!.trim().replace(/^\[|\]$/g, '');
  return isIP(last) !== 0 ? last : peer;
}
