// The Electron main process entry, built to <dist>/electron/main.js (package.json "main").
// Everything it does is in shell.ts; this file only says where the built pieces are.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runShell } from './shell';

const here = dirname(fileURLToPath(import.meta.url));
const icon = join(here, '..', '..', 'assets', 'icons', '256x256.png');

runShell({
  preload: join(here, 'preload.cjs'),
  rendererDir: join(here, '..', 'renderer'),
  ...(existsSync(icon) ? { icon } : {}),
}).catch((error: unknown) => {
  console.error(`Rostrum: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
