import { parseFlags, usageOf, withEnv, type FlagList } from '../cli/flags';

export interface RelayArgs {
  port: number;
  host: string;
  dataDir: string | null;
  relayKey: string | null;
  publicUrl: string | null;
  tlsCert: string | null;
  tlsKey: string | null;
  /** A TLS reverse proxy (Caddy, nginx) terminates TLS in front: plain HTTP may listen beyond loopback. */
  behindTlsProxy: boolean;
  allowedHosts: string[];
  /** Messages a second per connection and HTTP requests per address; null: the server's default. */
  rateLimit: number | null;
  /** `--max-connections`: remote views per client address; null: the default. */
  maxConnections: number | null;
  /** Several relay processes share their venues through this Redis (`redis://` or `rediss://`); null: one process. */
  redis: string | null;
  help: boolean;
}

/** Every flag of `npm run relay`, listed once: the parser (electron/cli/flags.ts) reads them and `--help` lists them. */
export const RELAY_FLAGS = {
  port: { type: 'string', value: 'N', help: 'port for HTTP and socket.io (default 4849; 0 = any free port)' },
  host: { type: 'string', value: 'ADDR', help: 'address to bind (default 127.0.0.1)' },
  'relay-key': { type: 'string', value: 'K', env: 'ROSTRUM_RELAY_KEY', help: 'the key venues link with (or ROSTRUM_RELAY_KEY); generated and kept when absent' },
  'public-url': { type: 'string', value: 'URL', help: 'where remote people reach this relay (e.g. https://relay.example.org)' },
  'tls-cert': { type: 'string', value: 'FILE', help: 'TLS certificate (PEM); needed to listen beyond loopback' },
  'tls-key': { type: 'string', value: 'FILE', help: 'its private key (PEM)' },
  'behind-tls-proxy': {
    type: 'boolean',
    help: 'a TLS reverse proxy terminates TLS in front of this relay: plain HTTP is\nallowed beyond loopback (bind it where only the proxy can reach it)',
  },
  'allowed-hosts': { type: 'string', value: 'A,B', help: 'extra host names browsers may use to reach the relay' },
  'rate-limit': { type: 'string', value: 'N', help: 'messages a second per connection and HTTP requests per address (default 100)' },
  'max-connections': {
    type: 'string',
    value: 'N',
    help: 'remote views one client address may hold open (default 500); behind\n--behind-tls-proxy the address is the one the proxy adds to X-Forwarded-For',
  },
  'data-dir': { type: 'string', value: 'DIR', help: "where the link key is kept (default: the app's folder, relay/)" },
  // The environment keeps a password out of the process list (`ps`): the systemd unit uses it.
  redis: {
    type: 'string',
    value: 'URL',
    env: 'ROSTRUM_REDIS_URL',
    help: 'share the venues with other relay processes through Redis (or\nROSTRUM_REDIS_URL): redis://[:password@]host:port, or rediss:// for TLS;\nneeds --relay-key, the same for every process',
  },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} as const satisfies FlagList;

export const RELAY_USAGE = usageOf(RELAY_FLAGS, 'npm run relay -- [options]');

export const DEFAULT_RELAY_PORT = 4849;

const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** Parses the relay flags; throws an Error with a one-line message on bad input. */
export function parseRelayArgs(argv: string[], env: NodeJS.ProcessEnv): RelayArgs {
  const values = withEnv(RELAY_FLAGS, parseFlags(RELAY_FLAGS, argv), env);
  const port = values.port === undefined ? DEFAULT_RELAY_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) throw new Error(`--port: "${values.port}" is not a port number (0-65535)`);
  const key = values['relay-key'];
  if (key !== undefined && key !== '' && !/^[A-Za-z0-9_\-.~]{16,200}$/.test(key)) {
    throw new Error('--relay-key: a link key needs 16 to 200 URL-safe characters');
  }
  let publicUrl: string | null = null;
  if (values['public-url'] !== undefined) {
    let url: URL;
    try {
      url = new URL(values['public-url']);
    } catch {
      throw new Error(`--public-url: "${values['public-url']}" is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--public-url: "${values['public-url']}" must be http(s)://`);
    publicUrl = url.origin;
  }
  const tlsCert = values['tls-cert'] ?? null;
  const tlsKey = values['tls-key'] ?? null;
  if ((tlsCert === null) !== (tlsKey === null)) throw new Error('--tls-cert and --tls-key go together');
  const host = values.host ?? '127.0.0.1';
  const behindTlsProxy = values['behind-tls-proxy'] ?? false;
  if (!isLoopbackHost(host) && tlsCert === null && !behindTlsProxy) {
    throw new Error(
      `--host ${host}: a relay reachable from other machines needs TLS: give --tls-cert and --tls-key, or --behind-tls-proxy when a TLS reverse proxy is in front (docs/remote.md)`,
    );
  }
  const rateLimit = values['rate-limit'] === undefined ? null : Number(values['rate-limit']);
  if (rateLimit !== null && !(Number.isFinite(rateLimit) && rateLimit >= 1)) {
    throw new Error(`--rate-limit: "${values['rate-limit']}" is not a positive number of messages a second`);
  }
  const maxConnections = values['max-connections'] === undefined ? null : Number(values['max-connections']);
  if (maxConnections !== null && !(Number.isInteger(maxConnections) && maxConnections >= 1)) {
    throw new Error(`--max-connections: "${values['max-connections']}" is not a positive whole number`);
  }
  let redis: string | null = null;
  const redisUrl = values.redis;
  if (redisUrl !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(redisUrl);
    } catch {
      // said below
    }
    if (url === null || (url.protocol !== 'redis:' && url.protocol !== 'rediss:')) throw new Error('--redis: give a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379)');
    if (key === undefined || key === '') throw new Error('--redis: give --relay-key (or ROSTRUM_RELAY_KEY), the same for every relay process: a venue may link through any of them');
    redis = redisUrl;
  }
  return {
    rateLimit,
    maxConnections,
    redis,
    port,
    host,
    dataDir: values['data-dir'] ?? null,
    relayKey: key === undefined || key === '' ? null : key,
    publicUrl,
    tlsCert,
    tlsKey,
    behindTlsProxy,
    allowedHosts: (values['allowed-hosts'] ?? '').split(',').map((h) => h.trim()).filter((h) => h !== ''),
    help: values.help ?? false,
  };
}
