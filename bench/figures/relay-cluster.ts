import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REDIS_SERVER, startRedis } from '../../tests/helpers/redis-server';
import { makeRelayKey, relayStatus, startRelay, tokenOf, until, type StartedRelay } from '../../tests/helpers/relay-process';
import type { BenchRow } from '../lib/result';
import { commandClient } from '../lib/command-client';
import { rssBytes, startBenchServer } from '../lib/server';
import { mib, ms, summary } from '../lib/stats';

const CLIENTS_SCRIPT = fileURLToPath(new URL('../lib/fanout-clients.ts', import.meta.url));
const now = () => Number(process.hrtime.bigint()) / 1e6;

const VIEWERS_PER_RELAY = 1000;
const COMMANDS = 100;

interface RevisionMsg {
  type: 'revision';
  revision: number;
  times: number[];
}

/** A process holding `count` remote viewers on one relay, reporting when all have a revision. */
function viewers(relay: StartedRelay, token: string, count: number): Promise<{ child: ChildProcess; times(revision: number): Promise<number[]> }> {
  const child = fork(CLIENTS_SCRIPT, [relay.url, String(count), token], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting = new Map<number, (times: number[]) => void>();
  const early = new Map<number, number[]>();
  return new Promise((resolve) => {
    child.on('message', (msg: { type: string } | RevisionMsg) => {
      if (msg.type === 'ready') {
        resolve({
          child,
          times: (revision) => {
            const got = early.get(revision);
            early.delete(revision);
            return got ? Promise.resolve(got) : new Promise((r) => waiting.set(revision, r));
          },
        });
      }
      if (msg.type === 'revision') {
        const m = msg as RevisionMsg;
        const done = waiting.get(m.revision);
        waiting.delete(m.revision);
        if (done) done(m.times);
        else early.set(m.revision, m.times);
      }
    });
  });
}

/**
 * Remote viewers across two relay processes on one Redis (`--redis`): the venue links to relay A,
 * 1,000 viewers sit on A and 1,000 on B. Latency: the venue's HTTP command sent → the last of the
 * 2,000 has the patch (both viewer processes and this one read CLOCK_MONOTONIC). Memory: relay B's
 * RSS before and after its 1,000 viewers (B holds no venue link: viewers only).
 */
export async function relayClusterRows(): Promise<BenchRow[]> {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed (sudo apt-get install -y redis-server)');
  const stops: (() => Promise<void> | void)[] = [];
  try {
    const redis = await startRedis();
    stops.push(() => redis.stop());
    const key = makeRelayKey();
    // 2,000 sockets from one address, in bursts: lift the per-address API limit the relays apply.
    const relayArgs = ['--redis', redis.url, '--rate-limit', '100000', '--max-connections', '100000'];
    const a = await startRelay({ key, args: relayArgs });
    stops.push(() => a.kill());
    const b = await startRelay({ key, args: relayArgs });
    stops.push(() => b.kill());
    const venue = await startBenchServer(['--relay', a.url, '--relay-key', key]);
    stops.push(() => venue.stop());
    const status = await until('the venue to link', async () => {
      const s = await relayStatus(venue.url, venue.tokens.control);
      return s.state === 'connected' && s.links !== null ? s : undefined;
    }, 20_000);
    await until('relay B to count the venue linked', async () => ((await fetch(`${b.url}/api/v1/health`).then((r) => r.json())) as { venues: { main: string } }).venues.main === 'linked' || undefined);
    const token = tokenOf(status.links!.speaker);

    await new Promise((r) => setTimeout(r, 1000));
    const rssBefore = rssBytes(b.process.pid!);
    const onA = await viewers(a, token, VIEWERS_PER_RELAY);
    stops.push(() => void onA.child.send({ type: 'stop' }));
    const onB = await viewers(b, token, VIEWERS_PER_RELAY);
    stops.push(() => void onB.child.send({ type: 'stop' }));

    const http = commandClient(venue);
    stops.push(() => http.close());
    const samples: number[] = [];
    for (let i = 0; i < COMMANDS + 10; i += 1) {
      const t0 = now();
      const { revision } = await http.send({ type: 'adjust', seconds: i % 2 === 0 ? 1 : -1 });
      const [ta, tb] = await Promise.all([onA.times(revision), onB.times(revision)]);
      // The first few warm up the JIT and the sockets.
      if (i >= 10) samples.push(Math.max(...ta, ...tb) - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const rssAfter = rssBytes(b.process.pid!);
    const s = summary(samples);
    return [
      {
        figure: `remote viewers: 2,000 across two relay processes on Redis (1,000 each; venue linked to one): venue command → last viewer (p50 / p95 / p99 / max, ${s.n} commands)`,
        target: 'p99 ≤ 50 ms (loopback)',
        measured: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`,
        pass: s.p99 <= 50,
      },
      {
        figure: 'relay RSS per 1,000 remote viewers (relay B: before → with 1,000 viewers)',
        target: '—',
        measured: `${mib(rssAfter - rssBefore)} (${mib(rssBefore)} → ${mib(rssAfter)})`,
        pass: null,
      },
    ];
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
