import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { startOptionsFromArgs } from '../app/start-options';
import { startRostrum } from '../app/start-rostrum';
import { confSettingsStore } from '../persistence/conf-store';
import { fileStateStore } from '../persistence/file-store';
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
  const options = await startOptionsFromArgs(args, {
    rendererDir,
    version: pkg.version,
    openStateStore: fileStateStore,
    openSettingsStore: confSettingsStore,
  });
  const { dataDir } = options;
  const running = await startRostrum(options);

  for (const notice of running.notices) console.warn(notice);
  console.log(`Rostrum ready on ${running.url}`);
  for (const [view, url] of Object.entries(running.urls)) console.log(`  ${view.padEnd(10)} ${url}`);
  if (running.oscUrl) console.log(`  osc in     ${running.oscUrl}`);
  if (running.oscFeedbackUrl) console.log(`  osc out    ${running.oscFeedbackUrl}`);
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
