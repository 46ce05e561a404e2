import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from '../lib/result';
import { commandClient } from '../lib/command-client';
import { startBenchServer, type BenchServer } from '../lib/server';
import { ms, summary } from '../lib/stats';

const CLIENTS_SCRIPT = fileURLToPath(new URL('../lib/fanout-clients.ts', import.meta.url));
const now = () => Number(process.hrtime.bigint()) / 1e6;

interface RevisionMsg {
  type: 'revision';
  revision: number;
  times: number[];
}

/** How the commands go: what each is, what goes first, and the pause between two. */
export interface FanoutDriver {
  command(i: number): object;
  prepare: object[];
  gapMs: number;
}

export const ADJUSTS: FanoutDriver = { command: (i) => ({ type: 'adjust', seconds: i % 2 === 0 ? 1 : -1 }), prepare: [], gapMs: 2 };
/**
 * The way a peer is measured (/work/shared/peer-bench/harness.mjs): the clock started, then pause
 * and resume in turn over HTTP, 50 ms apart, each timed until every raw client has it.
 */
export const PAUSE_RESUME: FanoutDriver = {
  command: (i) => ({ type: i % 2 === 0 ? 'pause' : 'resume' }),
  prepare: [{ type: 'start' }],
  gapMs: 50,
};

/** N raw clients (another process) on a running server, and a timed command: sent → every client has it. */
export interface FanoutSession {
  /** Sends one command over HTTP; resolves with each client's delay (ms) from the send to its patch. */
  time(command: object): Promise<number[]>;
  close(): void;
}

export async function openFanout(server: BenchServer, n: number): Promise<FanoutSession> {
  const child = fork(CLIENTS_SCRIPT, [server.url, String(n)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting = new Map<number, (times: number[]) => void>();
  const early = new Map<number, number[]>();
  await new Promise<void>((resolve) => {
    child.on('message', (msg: { type: string } | RevisionMsg) => {
      if (msg.type === 'ready') resolve();
      if (msg.type === 'revision') {
        const m = msg as RevisionMsg;
        const done = waiting.get(m.revision);
        if (done) done(m.times);
        else early.set(m.revision, m.times);
      }
    });
  });
  const http = commandClient(server);
  return {
    time: async (command) => {
      const t0 = now();
      const { revision } = await http.send(command);
      const times = early.get(revision) ?? (await new Promise<number[]>((r) => waiting.set(revision, r)));
      early.delete(revision);
      waiting.delete(revision);
      return times.map((t) => t - t0);
    },
    close: () => {
      http.close();
      child.send({ type: 'stop' });
    },
  };
}

/** Fan-out latency: HTTP command sent → every one of N clients (another process) has the new state. */
export async function measureFanout(n: number, commands: number, driver: FanoutDriver = ADJUSTS): Promise<{ samples: number[] }> {
  const server = await startBenchServer();
  const session = await openFanout(server, n);
  const samples: number[] = [];
  try {
    for (const command of driver.prepare) await session.time(command);
    for (let i = 0; i < commands + 10; i += 1) {
      const delays = await session.time(driver.command(i));
      // The first few warm up the JIT and the sockets.
      if (i >= 10) samples.push(...delays);
      await new Promise((r) => setTimeout(r, driver.gapMs));
    }
  } finally {
    session.close();
    await server.stop();
  }
  return { samples };
}

export async function fanoutRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const targets: Record<number, number | null> = { 1: null, 50: 4, 200: 10 };
  for (const n of [1, 50, 200]) {
    const { samples } = await measureFanout(n, 200);
    const s = summary(samples);
    const target = targets[n] ?? null;
    rows.push({
      figure: `fan-out latency, N = ${n} (p50 / p95 / p99 / max, ${s.n} samples)`,
      target: target === null ? '—' : `p99 ≤ ${target} ms`,
      measured: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`,
      pass: target === null ? null : s.p99 <= target,
    });
  }
  return rows;
}

/** Fan-out measured as a peer is (pause/resume), at N = 1 and 50. */
export async function peerFanoutRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [1, 50]) {
    const { samples } = await measureFanout(n, 200, PAUSE_RESUME);
    const s = summary(samples);
    rows.push({
      figure: `fan-out as a peer is measured (pause/resume over HTTP, 50 ms apart), N = ${n} (p50 / p95 / p99 / max, ${s.n} samples)`,
      target: '—',
      measured: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`,
      pass: null,
    });
  }
  return rows;
}
