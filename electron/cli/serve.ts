import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { instant } from '../../shared/time/instant';
import { readAgendaFile } from '../app/agenda-file';
import { sampleAgenda } from '../app/sample-agenda';
import { startRostrum } from '../app/start-rostrum';
import { confSettingsStore, confStateStore } from '../persistence/conf-store';
import { defaultDataDir } from '../persistence/default-data-dir';
import { STORE_FILES } from '../persistence/state-store';
import { USAGE, parseServeArgs } from './args';

/** `npm run serve`: the headless core, for tests and LAN-only setups. */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2), process.env);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // Built, this file is <dist>/node/serve.js beside <dist>/renderer; from source (tsx) it is
  // electron/cli/serve.ts, and the views are in the default build folder.
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = basename(here) === 'node' ? join(here, '..', 'renderer') : join(here, '..', '..', 'dist', 'renderer');
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  const running = await startRostrum({
    host: args.host,
    port: args.port,
    dataDir,
    agenda: args.agenda ? await readAgendaFile(args.agenda, { dataDir }) : null,
    tokens: {
      ...(args.controlToken ? { control: args.controlToken } : {}),
      ...(args.boothToken ? { booth: args.boothToken } : {}),
      ...(args.viewToken ? { view: args.viewToken } : {}),
    },
    clock: { now: () => instant(Date.now()) },
    rendererDir,
    version: pkg.version,
    sample: sampleAgenda,
    openStateStore: confStateStore,
    openSettingsStore: confSettingsStore,
    stateFilePath: (dir) => join(dir, `${STORE_FILES.state}.json`),
    allowedHosts: args.allowedHosts,
    trustedAddresses: args.trustedAddresses,
    rateLimit: args.rateLimit,
    osc: { port: args.oscPort, feedback: args.oscFeedback, allow: args.oscAllow },
  });

  for (const notice of running.notices) console.warn(notice);
  console.log(`Rostrum ready on ${running.url}`);
  for (const [view, url] of Object.entries(running.urls)) console.log(`  ${view.padEnd(10)} ${url}`);
  if (running.oscUrl) console.log(`  osc in     ${running.oscUrl}`);
  if (args.oscFeedback) console.log(`  osc out    udp://${args.oscFeedback.host}:${args.oscFeedback.port}`);
  console.log(`  data dir   ${dataDir}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`Rostrum: could not stop cleanly on ${signal}: ${(error as Error).message}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Rostrum: ${(error as Error).message}`);
  process.exit(1);
});
