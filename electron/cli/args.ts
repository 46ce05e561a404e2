import { readFileSync } from 'node:fs';
import { TOKEN_PATTERN } from '../persistence/settings-schema';
import { duplicateRoles, type Tokens } from '../server/tokens';
import { parseFlags, usageOf, withEnv, type FlagList } from './flags';

export interface ServeArgs {
  port: number | null;
  host: string;
  dataDir: string | null;
  agenda: string | null;
  controlToken: string | null;
  boothToken: string | null;
  viewToken: string | null;
  /** --allowed-hosts: extra names the Host header may carry. */
  allowedHosts: string[];
  /** --trusted-addresses: 'loopback' (default), 'none', or addresses. */
  trustedAddresses: string[];
  /** --rate-limit: events a second per connection (burst twice that); null = default. */
  rateLimit: number | null;
  /** --max-connections: socket.io connections per address and per token; null = default. */
  maxConnections: number | null;
  /** UDP port for OSC input; null: OSC is off. */
  oscPort: number | null;
  /** Where OSC state feedback goes; null: none. */
  oscFeedback: { host: string; port: number } | null;
  /** Sender addresses OSC accepts; null: any that can reach the bound address. */
  oscAllow: string[] | null;
  /** The relay the venue links out to (docs/remote.md); null: no relay. */
  relay: { url: string; key: string } | null;
  /** `--remote-moderator`: the remote moderator (co-host) is on from the start (docs/remote.md). */
  remoteModerator: boolean;
  help: boolean;
}

/**
 * Every flag of `npm run serve`, listed once: the parser (flags.ts) reads them, `--help` lists
 * them, and the desktop app (electron/shell/args.ts) picks the same flags out of Electron's argv.
 */
export const SERVE_OPTIONS = {
  port: { type: 'string', value: 'N', help: 'port for HTTP and socket.io (default 4848; 0 = any free port)' },
  host: { type: 'string', value: 'ADDR', help: 'address to bind (default 127.0.0.1; 0.0.0.0 opens it to the LAN)' },
  'data-dir': { type: 'string', value: 'DIR', help: "where state and tokens are kept (default: the desktop app's folder)" },
  agenda: { type: 'string', value: 'FILE', help: 'load this agenda as a new event: .csv, .xlsx, .json or .yaml' },
  'control-token-file': { type: 'string', value: 'F', help: "read the control role's token from the first line of file F" },
  'control-token': {
    type: 'string',
    value: 'T',
    env: 'ROSTRUM_CONTROL_TOKEN',
    help: 'token of the control role (or ROSTRUM_CONTROL_TOKEN); other users of this\nmachine can see it in the process list: prefer --control-token-file',
  },
  'booth-token': { type: 'string', value: 'T', env: 'ROSTRUM_BOOTH_TOKEN', help: 'token of the booth role (or ROSTRUM_BOOTH_TOKEN)' },
  'view-token': { type: 'string', value: 'T', env: 'ROSTRUM_VIEW_TOKEN', help: 'token of the view role (or ROSTRUM_VIEW_TOKEN)' },
  'allowed-hosts': { type: 'string', value: 'A,B', help: 'extra host names browsers may use to reach Rostrum (DNS-rebinding allow-list)' },
  'trusted-addresses': { type: 'string', help: 'addresses that may read without a token: loopback (default), none, or a list' },
  'rate-limit': { type: 'string', value: 'N', help: 'messages a second per connection and HTTP requests per address (default 100)' },
  'max-connections': { type: 'string', value: 'N', help: 'socket connections per address and per token (default 100)' },
  'osc-port': { type: 'string', value: 'N', help: 'receive OSC on this UDP port (off by default; 0 = any free port)' },
  'osc-feedback': { type: 'string', value: 'H:P', help: 'send OSC state feedback to this host:port' },
  'osc-allow': { type: 'string', value: 'A,B', help: 'OSC sender addresses to accept (needed with --host 0.0.0.0)' },
  relay: { type: 'string', value: 'URL', env: 'ROSTRUM_RELAY_URL', help: 'link out to this relay for remote views (or ROSTRUM_RELAY_URL; docs/remote.md)' },
  'relay-key': { type: 'string', value: 'K', env: 'ROSTRUM_RELAY_KEY', help: "the relay's link key (or ROSTRUM_RELAY_KEY)" },
  'remote-moderator': { type: 'boolean', help: 'switch the remote moderator (co-host) on, with its own remote token' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} as const satisfies FlagList;

export const USAGE = usageOf(SERVE_OPTIONS, 'npm run serve -- [options]');

export type ServeFlag = keyof typeof SERVE_OPTIONS;

/** Reads a token file's first line; throws a one-line Error naming the file. */
function readTokenFile(path: string, read: (path: string) => string): string {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    throw new Error(`--control-token-file: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const token = text.split(/\r?\n/)[0]!.trim();
  if (!TOKEN_PATTERN.test(token)) throw new Error(`--control-token-file: the first line of ${path} is not a token (8 to 200 URL-safe characters)`);
  return token;
}

/**
 * Parses the serve flags; throws an Error with a one-line message on bad input. `readFile` reads
 * `--control-token-file` (injected by tests).
 */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): ServeArgs {
  const flags = parseFlags(SERVE_OPTIONS, argv);
  const values = withEnv(SERVE_OPTIONS, flags, env);
  let port: number | null = null;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number (0-65535)`);
  }
  const token = (t: string | undefined, envName: string): string | null => {
    if (t === undefined || t === '') return null;
    if (!TOKEN_PATTERN.test(t)) throw new Error(`${envName}: a token needs 8 to 200 URL-safe characters`);
    return t;
  };
  const list = (v: string | undefined): string[] => (v ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  const rateLimit = (v: string | undefined): number | null => {
    if (v === undefined) return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 1) throw new Error(`--rate-limit: "${v}" is not a positive number of messages a second`);
    return n;
  };
  let maxConnections: number | null = null;
  if (values['max-connections'] !== undefined) {
    maxConnections = Number(values['max-connections']);
    if (!/^\d{1,6}$/.test(values['max-connections']) || maxConnections < 1) throw new Error(`--max-connections: "${values['max-connections']}" is not a positive whole number`);
  }
  let oscPort: number | null = null;
  if (values['osc-port'] !== undefined) {
    oscPort = Number(values['osc-port']);
    if (!/^\d+$/.test(values['osc-port']) || oscPort > 65535) throw new Error(`--osc-port: "${values['osc-port']}" is not a port number (0-65535)`);
  }
  let oscFeedback: ServeArgs['oscFeedback'] = null;
  if (values['osc-feedback'] !== undefined) {
    const m = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(values['osc-feedback']);
    const fbPort = Number(m?.[2]);
    if (!m || fbPort < 1 || fbPort > 65535) throw new Error(`--osc-feedback: "${values['osc-feedback']}" is not host:port`);
    oscFeedback = { host: m[1]!.replace(/^\[|\]$/g, ''), port: fbPort };
  }
  let oscAllow: string[] | null = null;
  if (values['osc-allow'] !== undefined) {
    oscAllow = values['osc-allow'].split(',').map((a) => a.trim()).filter((a) => a !== '');
    const wrong = oscAllow.find((a) => !/^[0-9a-fA-F.:]+$/.test(a));
    if (wrong !== undefined) throw new Error(`--osc-allow: "${wrong}" is not an IP address`);
  }
  if (flags['control-token-file'] !== undefined && flags['control-token'] !== undefined) {
    throw new Error('--control-token-file and --control-token: give one of them');
  }
  const controlToken =
    values['control-token-file'] !== undefined ? readTokenFile(values['control-token-file'], readFile) : token(values['control-token'], SERVE_OPTIONS['control-token'].env);
  const boothToken = token(values['booth-token'], SERVE_OPTIONS['booth-token'].env);
  const viewToken = token(values['view-token'], SERVE_OPTIONS['view-token'].env);
  const given = { control: controlToken, booth: boothToken, view: viewToken };
  const same = duplicateRoles(Object.fromEntries(Object.entries(given).filter(([, t]) => t !== null)) as Partial<Tokens>);
  if (same) throw new Error(`the ${same[0]} and ${same[1]} tokens given are the same: each role needs its own token`);
  return {
    relay: relayLink(values.relay, values['relay-key']),
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? null,
    agenda: values.agenda ?? null,
    controlToken,
    boothToken,
    viewToken,
    allowedHosts: list(values['allowed-hosts']),
    trustedAddresses: values['trusted-addresses'] === undefined ? ['loopback'] : list(values['trusted-addresses']),
    rateLimit: rateLimit(values['rate-limit']),
    maxConnections,
    oscPort,
    oscFeedback,
    oscAllow,
    remoteModerator: values['remote-moderator'] ?? false,
    help: values.help ?? false,
  };
}

/** `--relay URL --relay-key K`: both or neither. */
function relayLink(url: string | undefined, key: string | undefined): ServeArgs['relay'] {
  const given = (v: string | undefined) => v !== undefined && v !== '';
  if (!given(url) && !given(key)) return null;
  if (!given(url)) throw new Error('--relay-key: give the relay too (--relay URL or ROSTRUM_RELAY_URL)');
  if (!given(key)) throw new Error('--relay: give its link key too (--relay-key K or ROSTRUM_RELAY_KEY; the relay prints it on first start)');
  let parsed: URL;
  try {
    parsed = new URL(url!);
  } catch {
    throw new Error(`--relay: "${url}" is not a URL (e.g. https://relay.example.org)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`--relay: "${url}" must start with https:// (or http:// on loopback)`);
  if (!/^[A-Za-z0-9_\-.~]{16,200}$/.test(key!)) throw new Error('--relay-key: a link key needs 16 to 200 URL-safe characters');
  return { url: parsed.origin, key: key! };
}
