import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FloodReport, FloodTransport } from '../lib/flood-client';
import type { BenchRow } from '../lib/result';
import { sendCommand, startBenchServer, type BenchServer } from '../lib/server';
import { ms, summary } from '../lib/stats';

/**
 * Rate limiting (#8): one client floods 5,000 messages (commands and pings, as fast as it can, over
 * a bare socket.io websocket, then in one long-polling POST) while another sends an HTTP command
 * every 20 ms and N other clients wait for its update. The flood must not delay their updates by
 * more than 50 ms at p99. Each round uses a fresh flooding connection (a misbehaving client can
 * reconnect); samples "with flood" are the commands sent from the flood's first message until its
 * last answer.
 */
const CLIENTS_SCRIPT = fileURLToPath(new URL('../lib/fanout-clients.ts', import.meta.url));
const FLOOD_SCRIPT = fileURLToPath(new URL('../lib/flood-client.ts', import.meta.url));
const CLIENTS = 50;
const MESSAGES = 5_000;
const ROUNDS = 4;
const INTERVAL_MS = 20;
const BASELINE_COMMANDS = 150;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface RevisionMsg {
  type: 'revision';
  revision: number;
  times: number[];
}

/** The N observing clients (another process): resolves each revision with every client's receive time. */
export async function observers(url: string, count = CLIENTS): Promise<{ child: ChildProcess; received: (revision: number) => Promise<number[]> }> {
  const child = fork(CLIENTS_SCRIPT, [url, String(count)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting = new Map<number, (times: number[]) => void>();
  const early = new Map<number, number[]>();
  await new Promise<void>((resolve) => {
    child.on('message', (msg: { type: string } | RevisionMsg) => {
      if (msg.type === 'ready') resolve();
      if (msg.type !== 'revision') return;
      const m = msg as RevisionMsg;
      const done = waiting.get(m.revision);
      if (done) done(m.times);
      else early.set(m.revision, m.times);
    });
  });
  const received = async (revision: number) => {
    const times = early.get(revision) ?? (await new Promise<number[]>((r) => waiting.set(revision, r)));
    early.delete(revision);
    waiting.delete(revision);
    return times;
  };
  return { child, received };
}

/** One HTTP command every INTERVAL_MS until `until()`; each client's delay from send to update. */
async function measure(server: BenchServer, received: (revision: number) => Promise<number[]>, until: (sent: number) => boolean) {
  const samples: number[] = [];
  let refusedGood = 0;
  for (let i = 0; !until(i); i += 1) {
    const t0 = now();
    try {
      const { revision } = await sendCommand(server, { type: 'message.booth', text: `cue ${i}` });
      for (const t of await received(revision)) samples.push(t - t0);
    } catch {
      refusedGood += 1;
    }
    await sleep(Math.max(0, INTERVAL_MS - (now() - t0)));
  }
  return { samples, refusedGood };
}

/** ROUNDS floods over one transport, each on a fresh connection, with the delay samples taken meanwhile. */
async function floodRounds(server: BenchServer, flooder: ChildProcess, received: (revision: number) => Promise<number[]>, transport: FloodTransport) {
  const samples: number[] = [];
  const reports: FloodReport[] = [];
  let refusedGood = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    let report: FloodReport | null = null;
    const done = new Promise<void>((resolve) =>
      flooder.once('message', (r: FloodReport) => {
        report = r;
        resolve();
      }),
    );
    flooder.send({ type: 'go', transport });
    // At least a few samples even when the flood is over quickly.
    const during = await measure(server, received, (i) => report !== null && i >= 3);
    await done;
    reports.push(report!);
    samples.push(...during.samples);
    refusedGood += during.refusedGood;
    await sleep(500);
  }
  return { samples, reports, refusedGood };
}

function rows(transport: FloodTransport, without: number[], flood: Awaited<ReturnType<typeof floodRounds>>): BenchRow[] {
  const a = summary(without);
  const b = summary(flood.samples);
  const { reports } = flood;
  const answered = reports.reduce((n, r) => n + r.answered, 0);
  const accepted = reports.reduce((n, r) => n + r.accepted, 0);
  const codes = new Map<string, { count: number; message: string }>();
  for (const r of reports) {
    for (const [code, { count, message }] of Object.entries(r.refused)) {
      const entry = codes.get(code) ?? { count: 0, message };
      entry.count += count;
      codes.set(code, entry);
    }
  }
  const onlyRateLimited = codes.has('rate-limited') && [...codes.keys()].every((c) => c === 'rate-limited');
  const how = transport === 'websocket' ? 'over a websocket' : 'in one long-polling POST';
  return [
    {
      figure: `flood: ${CLIENTS} clients' update delay, p99 without / with one client sending ${MESSAGES.toLocaleString('en')} messages ${how} (×${ROUNDS}; ${a.n} / ${b.n} samples)`,
      target: 'p99 with flood ≤ p99 without + 50 ms',
      measured: `${ms(a.p99)} / ${ms(b.p99)} (+${ms(b.p99 - a.p99)}; max ${ms(b.max)}); good client refused ${flood.refusedGood}×`,
      pass: b.p99 - a.p99 <= 50 && flood.refusedGood === 0,
    },
    {
      figure: `flood ${how}: the flooder's ${(ROUNDS * MESSAGES).toLocaleString('en')} messages (answered in ${reports.map((r) => Math.round(r.answeredMs)).join(' / ')} ms per round)`,
      target: 'every one answered; excess refused as rate-limited, per connection',
      measured: `${answered} answered: ${accepted} accepted, ${[...codes.entries()].map(([code, { count, message }]) => `${count} ${code} ("${message}")`).join(', ')}`,
      pass: answered === ROUNDS * MESSAGES && onlyRateLimited,
    },
  ];
}

export async function floodRows(): Promise<BenchRow[]> {
  const server = await startBenchServer();
  const { child: clients, received } = await observers(server.url);
  const flooder = fork(FLOOD_SCRIPT, [server.url, server.tokens.control, String(MESSAGES)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await new Promise<void>((resolve) => flooder.once('message', () => resolve()));
  try {
    // Warm-up, then the baseline.
    await measure(server, received, (i) => i >= 20);
    const without = await measure(server, received, (i) => i >= BASELINE_COMMANDS);
    const websocket = await floodRounds(server, flooder, received, 'websocket');
    const polling = await floodRounds(server, flooder, received, 'polling');
    return [...rows('websocket', without.samples, { ...websocket, refusedGood: websocket.refusedGood + without.refusedGood }), ...rows('polling', without.samples, polling)];
  } finally {
    flooder.send({ type: 'stop' });
    clients.send({ type: 'stop' });
    await server.stop();
  }
}
