// `npm run test:soak`: the long variants of the crash-safety and hostile-input tests (#8), kept out
// of `npm test` for time: the kill test at 1,500 commands and 60 SIGKILLs (ROSTRUM_SOAK=1), the
// 10,000-command fuzz, and the import bombs at full size (#14: 1 GiB images, 300 MB of whitespace,
// a million rows). About 2–3 minutes. CI runs it after `npm test` (.ci/run).
//
//   npm run test:soak
//   ROSTRUM_SEED=123 npm run test:soak   replays a kill-test run (its seed is printed)

import { ensureBuild, ensureDeps, run } from './lib/setup.mjs';

const SOAK_TESTS = ['tests/integration/kill-replay.test.ts', 'tests/integration/fuzz-commands.test.ts', 'tests/integration/import-bombs.test.ts'];

if (process.argv.length > 2) {
  console.error(`Rostrum: npm run test:soak takes no arguments (got ${process.argv.slice(2).join(' ')})`);
  process.exit(2);
}

const started = performance.now();
ensureDeps();
ensureBuild();
const code = run('npx', ['vitest', 'run', '--project', 'integration', ...SOAK_TESTS], { env: { ...process.env, ROSTRUM_SOAK: '1' } });
const took = `${((performance.now() - started) / 1000).toFixed(1)}s`;
if (code !== 0) console.error(`\n✗ soak tests failed (exit ${code}) after ${took}.`);
else console.log(`\n✓ soak tests passed in ${took}.`);
process.exit(code);
