// `npm run test:soak`: the long variants of the crash-safety and hostile-input tests (#8), kept out
// of `npm test` for time: the kill test at 1,500 commands and 60 SIGKILLs (ROSTRUM_SOAK=1), the
// 10,000-command fuzz, the audit's network attacks at their own scale (#14: 250 displays' hellos,
// 1,202 cross-site requests, 20,000 OSC packets) and the import bombs at full size (1 GiB images,
// 300 MB of whitespace, a million rows). About 3–4 minutes. CI runs it after `npm test` (.ci/run).
//
//   npm run test:soak
//   ROSTRUM_SEED=123 npm run test:soak   replays a kill-test run (its seed is printed)

import { ensureBuild, ensureDeps, run } from './lib/setup.mjs';

const SOAK_TESTS = ['tests/integration/kill-replay.test.ts', 'tests/integration/fuzz-commands.test.ts', 'tests/integration/network-attacks.test.ts', 'tests/integration/import-bombs.test.ts'];
// The issue 14 audit's attacks on settings, state and user text (docs/security.md "Attack → result").
const STORE_ATTACK_TESTS = ['tests/integration/crash-safe-settings.test.ts', 'tests/integration/user-text.test.ts'];

if (process.argv.length > 2) {
  console.error(`Rostrum: npm run test:soak takes no arguments (got ${process.argv.slice(2).join(' ')})`);
  process.exit(2);
}

const started = performance.now();
ensureDeps();
ensureBuild();
const code = run('npx', ['vitest', 'run', '--project', 'integration', ...SOAK_TESTS, ...STORE_ATTACK_TESTS], { env: { ...process.env, ROSTRUM_SOAK: '1' } });
const took = `${((performance.now() - started) / 1000).toFixed(1)}s`;
if (code !== 0) console.error(`\n✗ soak tests failed (exit ${code}) after ${took}.`);
else console.log(`\n✓ soak tests passed in ${took}.`);
process.exit(code);
