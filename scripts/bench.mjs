// `npm run bench`: set up what is missing, then measure every performance figure against its target
// (bench/run.ts). Prints a table and rewrites bench/RESULTS.md. Takes about 5 minutes.
// `npm run bench:soak` (`--soak`): only the speaker page's heap, over 15 minutes; CI does not run it.

import { ensureBuild, ensureDeps, findChromium, run } from './lib/setup.mjs';

ensureDeps();
ensureBuild();
process.env.CHROMIUM_PATH = findChromium();
// Arguments pick sections: `npm run bench -- flood fanout` (see bench/run.ts).
process.exit(run('npx', ['tsx', 'bench/run.ts', ...process.argv.slice(2)]));
