import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { isLoopback } from './http-util';

/**
 * Browser protections for a server that other devices (and other web pages) can reach:
 * - a Host allow-list against DNS rebinding (a hostile name resolved to 127.0.0.1 or to this
 *   machine's LAN address carries its own name in `Host`);
 * - an Origin check: a browser says which page sent a request; only our own origins may drive
 *   the server or read from it. Clients that are not browsers send no Origin and pass.
 * The same check runs for plain HTTP and for every socket.io request (`handshake-guard.ts`).
 */
export interface GuardOptions {
  /** Extra names (or name:port) from `--allowed-hosts`; a name without a port matches any port. */
  allowedHosts: readonly string[];
  /** Which remote addresses may read without a token (`--trusted-addresses`). */
  trusted: TrustedAddresses;
  /** Pages may also come over https (a relay with TLS, or behind a TLS proxy; docs/remote.md). */
  secureOrigins?: boolean;
}

/** `loopback` (the default), `none`, or a list of exact addresses (may include `loopback`). */
export type TrustedAddresses = readonly string[];

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

const normaliseAddress = (a: string): string => (a.startsWith('::ffff:') ? a.slice(7) : a).toLowerCase();

export function isTrustedAddress(address: string | undefined, trusted: TrustedAddresses): boolean {
  if (!address) return false;
  const a = normaliseAddress(address);
  for (const t of trusted) {
    if (t === 'none') return false;
    if (t === 'loopback' && isLoopback(address)) return true;
    if (normaliseAddress(t) === a) return true;
  }
  return false;
}

const trustedRequests = new WeakMap<IncomingMessage, boolean>();

/** Whether this request comes from a trusted address (set by the guard; loopback when unset). */
export function isTrustedRequest(req: IncomingMessage): boolean {
  return trustedRequests.get(req) ?? isLoopback(req.socket.remoteAddress);
}

/** Splits `host[:port]` (IPv6 in brackets) into a lower-case name and a port (null when absent). */
export function splitHost(value: string): { name: string; port: number | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  return { name: m[1]!.toLowerCase(), port: m[2] === undefined ? null : Number(m[2]) };
}

function interfaceNames(): string[] {
  const names: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) names.push(info.family === 'IPv6' ? `[${info.address.split('%')[0]!.toLowerCase()}]` : info.address);
  }
  return names;
}

export interface RequestGuard {
  /** Call once bound: the address (0.0.0.0 / :: allow every local interface address) and the port. */
  bound(host: string, port: number): void;
  /** LAN mode switched from the console: the interface addresses now listened on (empty when off). */
  lanAddresses(addresses: readonly string[]): void;
  /** Host allow-list and Origin check; null when the request may go on. */
  check(req: IncomingMessage): ApiError | null;
  /** The names a Host header may carry, for messages and tests. */
  allowed(): string[];
}

export function createRequestGuard(options: GuardOptions): RequestGuard {
  let port = 0;
  let bindAll = false;
  let bindName = '127.0.0.1';
  let lan: readonly string[] = [];
  const extra = options.allowedHosts.map((h) => splitHost(h)).filter((h): h is NonNullable<typeof h> => h !== null);

  const ownNames = (): Set<string> => new Set([...LOOPBACK_NAMES, bindName, ...lan, ...(bindAll ? interfaceNames() : [])]);

  const hostAllowed = (value: string, defaultPort: number): boolean => {
    const h = splitHost(value);
    if (!h) return false;
    const givenPort = h.port ?? defaultPort;
    if (ownNames().has(h.name) && givenPort === port) return true;
    return extra.some((e) => e.name === h.name && (e.port === null || e.port === givenPort));
  };

  return {
    bound: (host, p) => {
      port = p;
      bindAll = host === '0.0.0.0' || host === '::';
      bindName = host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase();
    },
    lanAddresses: (addresses) => {
      lan = addresses.map((a) => (a.includes(':') ? `[${a.toLowerCase()}]` : a));
    },
    allowed: () => [...ownNames(), ...options.allowedHosts],
    check(req) {
      trustedRequests.set(req, isTrustedAddress(req.socket.remoteAddress, options.trusted));
      const host = req.headers.host;
      if (host === undefined || host === '') return apiError('forbidden', 'a Host header is required');
      if (!hostAllowed(host, 80)) {
        return apiError('forbidden', `host "${host.slice(0, 100)}" is not allowed (start with --allowed-hosts ${splitHost(host)?.name ?? 'NAME'} to allow it)`);
      }
      const origin = req.headers.origin;
      if (origin === undefined) return null;
      let url: URL | null;
      try {
        url = new URL(origin);
      } catch {
        url = null;
      }
      const https = options.secureOrigins === true && url?.protocol === 'https:';
      const ok = url !== null && (url.protocol === 'http:' || https) && url.username === '' && hostAllowed(url.host, https ? 443 : 80);
      if (!ok) return apiError('forbidden', `origin "${origin.slice(0, 100)}" is not allowed: only pages served by Rostrum may use its API`);
      return null;
    },
  };
}
