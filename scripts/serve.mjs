// `npm run serve -- [options]`: the headless Rostrum server (no Electron), e.g. for a booth laptop
// or CI. Installs/builds first when needed; arguments pass through to dist/node/serve.js.

import { ensureBuild, ensureDeps } from './lib/setup.mjs';

ensureDeps();
ensureBuild();
await import('../dist/node/serve.js');
