// `npm test`: set up what is missing, then typecheck, lint, unit + integration tests, end-to-end
// tests — stopping at the first failure with its exit code.
//
//   npm test                 everything
//   npm test -- --skip-e2e   everything but Playwright

import { ensureAptTool, ensureBuild, ensureDeps, findChromium, run } from './lib/setup.mjs';

const USAGE = 'usage: npm test [-- --skip-e2e]';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--skip-e2e');
if (unknown.length > 0) {
  console.error(`Rostrum: unknown argument ${unknown.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const skipE2e = args.includes('--skip-e2e');

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

ensureDeps();
ensureBuild();
process.env.CHROMIUM_PATH = findChromium();
// OSC tests drive the server with a client nobody here wrote (docs/control.md).
ensureAptTool('oscsend', 'liblo-tools');
// The relay's scale-out runs on Debian's Redis; the deployment tests drive nginx and Caddy (docs/remote.md).
ensureAptTool('redis-server', 'redis-server');
ensureAptTool('nginx', 'nginx');
ensureAptTool('caddy', 'caddy');

const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', 'lint'] },
  { name: 'unit + integration tests', cmd: 'npx', args: ['vitest', 'run'] },
  ...(skipE2e ? [] : [{ name: 'end-to-end tests', cmd: 'npx', args: ['playwright', 'test'] }]),
];

for (const [i, step] of steps.entries()) {
  console.log(`\n▶ [${i + 1}/${steps.length}] ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const code = run(step.cmd, step.args);
  if (code !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${code}) — ${elapsed()} in total.`);
    process.exit(code);
  }
}

console.log(`\n✓ all checks passed${skipE2e ? ' (end-to-end tests skipped)' : ''} in ${elapsed()}.`);
