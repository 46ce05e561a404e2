import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/server-process';
import { clockRows } from './figures/clock-correctness';
import { coldStartRows } from './figures/cold-start';
import { displayAccuracyRows } from './figures/display-accuracy';
import { fanoutRows, peerFanoutRows } from './figures/fanout';
import { floodRows } from './figures/flood';
import { hangingTargetRows } from './figures/hanging-target';
import { heapRows } from './figures/heap';
import { idleRows, memoryRows } from './figures/idle-and-memory';
import { importBombRows } from './figures/import-bomb';
import { patchSizeRows } from './figures/patch-size';
import { persistenceRows } from './figures/persistence';
import { reconnectRows } from './figures/reconnect';
import { relayClusterRows } from './figures/relay-cluster';
import { relayLinkFanoutRows, remoteDisplayRows } from './figures/relay-link';
import { roomsRows } from './figures/rooms';
import { weightRows } from './figures/weight';
import type { BenchRow } from './lib/result';

/**
 * `npm run bench`: every performance figure with its target. Quiet measurements first (latency,
 * start-up), then the 3-minute heap soak alongside the 30-second ones, to stay within 5 minutes.
 */
const started = Date.now();
const rows: BenchRow[] = [];
/**
 * `npm run bench -- fanout cold`: only the sections whose name contains one of the words
 * (case-insensitive). A filtered run prints its table but leaves bench/RESULTS.md alone.
 */
const args = process.argv.slice(2);
/** `npm run bench:soak`: only the speaker page's heap, over 15 minutes (CI does not run it). */
const soak = args.includes('--soak');
const filters = soak ? ['speaker heap'] : args.map((f) => f.toLowerCase());
const wanted = (name: string) => filters.length === 0 || filters.some((f) => name.toLowerCase().includes(f));
const section = async (name: string, run: () => Promise<BenchRow[]> | BenchRow[]) => {
  if (!wanted(name)) return;
  process.stdout.write(`… ${name}\n`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    // One broken measurement must not hide the others: it is reported as a failed row.
    rows.push({ figure: name, target: '—', measured: `error: ${(error as Error).message.split('\n')[0]}`, pass: false });
  }
};

await section('clock correctness and projection', clockRows);
await section('persistence', persistenceRows);
await section('cold start', () => coldStartRows());
await section('patch size', patchSizeRows);
await section('fan-out latency', fanoutRows);
await section('peer fan-out (pause/resume)', peerFanoutRows);
await section('automation: a hanging target (fan-out with and without)', hangingTargetRows);
await section('flood (rate limiting)', floodRows);
await section('import bomb (fan-out while a hostile spreadsheet is refused)', importBombRows);
await section('relay scale-out (Redis)', relayClusterRows);
await section('relay link: venue fan-out with and without it', relayLinkFanoutRows);
await section('rooms: one room among twenty (isolation, RSS)', roomsRows);
await section('memory', memoryRows);
await section('weight of the views', weightRows);
// The heap soak runs alongside the 30-second figures (started first, awaited last).
const heap = wanted('speaker heap') ? (soak ? heapRows(15 * 60, 30) : heapRows()) : null;
await section('idle cost', () => idleRows());
await section('display accuracy', () => displayAccuracyRows());
await section('remote display accuracy (through the relay)', () => remoteDisplayRows());
await section('reconnect', reconnectRows);
if (heap) await section(soak ? 'speaker heap (15 min soak)' : 'speaker heap (3 min)', () => heap);

const width = (k: keyof BenchRow) => Math.max(k.length, ...rows.map((r) => String(r[k]).length));
const verdict = (r: BenchRow) => (r.pass === null ? 'info' : r.pass ? 'pass' : 'FAIL');
const header = ['figure', 'target', 'measured', 'result'];
const cols: (keyof BenchRow)[] = ['figure', 'target', 'measured'];
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = [
  line(header),
  line(header.map(() => '---')),
  ...rows.map((r) => line([...cols.map((c) => String(r[c])), verdict(r)])),
].join('\n');

const failed = rows.filter((r) => r.pass === false).length;
const passed = rows.filter((r) => r.pass === true).length;
console.log();
for (const r of rows) {
  console.log(`${verdict(r).padEnd(5)} ${r.figure.padEnd(width('figure'))}  ${r.target.padEnd(width('target'))}  ${r.measured}`);
}
console.log(`\n${passed} passed, ${failed} failed`);

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
const nproc = (() => {
  try {
    return execSync('nproc').toString().trim();
  } catch {
    return String(cpus().length);
  }
})();
if (filters.length === 0) writeFileSync(
  join(ROOT, 'bench', 'RESULTS.md'),
  `# Bench results\n\nRun ${new Date().toISOString()} on ${machine}; nproc ${nproc}. ` +
    `Took ${Math.round((Date.now() - started) / 1000)} s. \`npm run bench\` rewrites this file; the notes below are kept in bench/NOTES.md.\n\n${table}\n\n${passed} passed, ${failed} failed.\n\n` +
    readFileSync(join(ROOT, 'bench', 'NOTES.md'), 'utf8').replace(/^# /, '## '),
);
process.exit(0);
