// `npm run relay -- [options]`: Rostrum in relay mode (docs/remote.md), for a machine the internet
// can reach. Installs/builds first when needed; arguments pass through to dist/node/relay.js.

import { ensureBuild, ensureDeps } from './lib/setup.mjs';

ensureDeps();
ensureBuild();
await import('../dist/node/relay.js');
