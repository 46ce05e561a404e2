import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { confSettingsStore } from '../persistence/conf-store';
import { defaultDataDir } from '../persistence/default-data-dir';
import { createRelay } from './create-relay';
import { RELAY_USAGE, parseRelayArgs } from './relay-args';
import { resolveRelayKey } from './relay-key';
import { connectRedisCluster, redactedUrl } from './redis-cluster';
import { relayNow } from './venue-links';
import type { Server } from 'socket.io';
import { applyPatch } from '../../shared/contract/state-sync';

/** `npm run relay`: Rostrum in relay mode, on a machine the internet can reach (docs/remote.md). */
async function main(): Promise<void> {
  const args = parseRelayArgs(process.argv.slice(2), process.env);
  if (args.help) {
    console.log(RELAY_USAGE);
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = basename(here) === 'node' ? join(here, '..', 'renderer') : join(here, '..', '..', 'dist', 'renderer');
  const dataDir = resolve(args.dataDir ?? join(defaultDataDir(), 'relay'));
  const settings = confSettingsStore(dataDir);
  const { key, generated } = resolveRelayKey(settings, args.relayKey);
  const read = (file: string, flag: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
    }
  };
  const tls = args.tlsCert && args.tlsKey ? { cert: read(args.tlsCert, '--tls-cert'), key: read(args.tlsKey, '--tls-key') } : null;
  const relay = createRelay({
    key,
    rendererDir,
    version: pkg.version,
    publicUrl: args.publicUrl,
    tls,
    behindTlsProxy: args.behindTlsProxy,
    allowedHosts: args.allowedHosts,
    ...(args.rateLimit ? { rateLimit: { perSecond: args.rateLimit, burst: 2 * args.rateLimit } } : {}),
    ...(args.maxConnections ? { maxViewersPerAddress: args.maxConnections } : {}),
    log: (line) => console.warn(line),
    ...(args.redis ? { cluster: (io: Server) => connectRedisCluster(io, { url: args.redis!, relayKey: key, now: relayNow, fold: applyPatch, log: (line) => console.warn(line) }) } : {}),
  });
  try {
    await relay.listen(args.port, args.host);
  } catch (error) {
    if ((error as Error).message.startsWith('--redis')) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`port ${args.port} on ${args.host} ${code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${(error as Error).message})`}`, { cause: error });
  }
  console.log(`Rostrum relay ready on ${relay.url()}`);
  if (args.publicUrl) console.log(`  public url ${args.publicUrl}`);
  if (args.relayKey !== null) console.log('  link key   (as given)');
  else console.log(`  link key   ${key}${generated ? ' (new; kept in the data dir)' : ''}`);
  console.log(`  data dir   ${dataDir}`);
  if (args.redis) console.log(`  redis      ${redactedUrl(args.redis)}`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void relay.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Rostrum relay: ${(error as Error).message}`);
  process.exit(1);
});
