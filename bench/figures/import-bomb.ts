import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandClient } from '../lib/command-client';
import { HOSTILE_ROWS } from '../lib/hostile-spreadsheet';
import type { BenchRow } from '../lib/result';
import { startBenchServer, type BenchServer } from '../lib/server';
import { ms, summary } from '../lib/stats';
import { observers } from './flood';

/**
 * Issue 14.1: other clients' fan-out while a hostile spreadsheet is being refused. N clients (another
 * process) wait for the update of each HTTP command, as for the fan-out figure; first quietly, then
 * while a third process uploads a 5 MB .xlsx of 630,000 rows again and again, each refused
 * (`over-limit`) by the reader in its worker thread. Target: p99 within 1.25× of the quiet p99.
 * Quiet and bombed rounds alternate (quiet, during, quiet, during…), so a drift in the machine's
 * load falls on both sides alike, and each side's p99 rests on 1,000 commands, not a handful.
 */
const BOMBER_SCRIPT = fileURLToPath(new URL('../lib/import-bomber.ts', import.meta.url));
const CLIENTS = 50;
const ROUNDS = 4;
const PER_ROUND = 250;
/** One command every 20 ms (as the flood figure): with the uploads, well inside the 100 requests a second one address may make. */
const INTERVAL_MS = 20;
const now = () => Number(process.hrtime.bigint()) / 1e6;

interface BomberReport {
  type: 'report';
  uploads: number;
  answers: Record<string, number>;
  meanMs: number;
  bytes: number;
}

async function sample(server: BenchServer, received: (revision: number) => Promise<number[]>, commands: number): Promise<number[]> {
  const http = commandClient(server);
  const samples: number[] = [];
  try {
    for (let i = 0; i < commands; i += 1) {
      const t0 = now();
      const { revision } = await http.send({ type: 'adjust', seconds: i % 2 === 0 ? 1 : -1 });
      for (const t of await received(revision)) samples.push(t - t0);
      await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (now() - t0))));
    }
  } finally {
    http.close();
  }
  return samples;
}

export async function importBombRows(): Promise<BenchRow[]> {
  const server = await startBenchServer();
  const { child: clients, received } = await observers(server.url, CLIENTS);
  const bomber = fork(BOMBER_SCRIPT, [server.url, server.tokens.control], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const { bytes } = await new Promise<{ bytes: number }>((resolve) => bomber.once('message', resolve));
    await sample(server, received, 10); // warm-up
    const quietSamples: number[] = [];
    const duringSamples: number[] = [];
    let report: BomberReport | null = null;
    for (let round = 0; round < ROUNDS; round += 1) {
      quietSamples.push(...(await sample(server, received, PER_ROUND)));
      const reported = new Promise<BomberReport>((resolve) => bomber.once('message', resolve));
      bomber.send({ type: 'go' });
      duringSamples.push(...(await sample(server, received, PER_ROUND)));
      bomber.send({ type: 'stop' });
      // The report (counts so far) comes once the upload in flight is answered: the next quiet round starts after it.
      report = await reported;
    }
    const quiet = summary(quietSamples);
    const during = summary(duringSamples);
    if (!report) throw new Error('the bomber never reported');
    const refused = report.answers['200 over-limit'] ?? 0;
    const ratio = during.p99 / quiet.p99;
    return [
      {
        figure: `other clients' fan-out p99 (N = ${CLIENTS}, ${quiet.n} / ${during.n} samples) while a ${(bytes / 1e6).toFixed(1)} MB hostile spreadsheet (${HOSTILE_ROWS.toLocaleString('en')} rows) is being refused, quiet / during`,
        target: 'during ≤ 1.25× quiet',
        measured: `${ms(quiet.p99)} / ${ms(during.p99)} (×${ratio.toFixed(2)}; p50 ${ms(quiet.p50)} / ${ms(during.p50)}); ${report.uploads} uploads, ${refused} refused over-limit, ${Math.round(report.meanMs)} ms each`,
        pass: ratio <= 1.25 && refused === report.uploads && report.uploads > 0,
      },
    ];
  } finally {
    bomber.kill();
    clients.send({ type: 'stop' });
    await server.stop();
  }
}
