// `npm run bench`: set up what is missing, then measure every performance figure against its target
// (bench/run.ts). Prints a table and rewrites bench/RESULTS.md. Takes about 5 minutes.

import { ensureBuild, ensureDeps, findChromium, run } from './lib/setup.mjs';

ensureDeps();
ensureBuild();
process.env.CHROMIUM_PATH = findChromium();
process.exit(run('npx', ['tsx', 'bench/run.ts']));
