import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RelayStatus } from '../../shared/contract/relay';
import { makeRelayKey, relayStatus, startRelay, tokenOf, until, type StartedRelay } from '../../tests/helpers/relay-process';
import type { TcpProxy } from '../../tests/helpers/tcp-proxy';
import { launchChromium } from '../lib/browser';
import { startJitterProxy } from '../lib/latency-proxy';
import type { BenchRow } from '../lib/result';
import { startBenchServer, type BenchServer } from '../lib/server';
import { ms, summary } from '../lib/stats';
import { displayErrors, SKEW_MS } from './display-accuracy';
import { ADJUSTS, openFanout } from './fanout';

/** Issue #17's link: 150 ms round trip (75 ms each way) with ±40 ms jitter, through a loopback proxy. */
const ONE_WAY_MS = 75;
const JITTER_MS = 40;
const LINK = `${ONE_WAY_MS * 2} ms round trip ± ${JITTER_MS} ms jitter`;
/** The relay's own clock is off by this much (preloaded), so its estimate of the venue's clock is exercised too. */
export const RELAY_SKEW_MS = -2300;
const SKEW_PRELOAD = fileURLToPath(new URL('../lib/skew-process-clock.mjs', import.meta.url));
const CLIENTS = 50;
const ROUNDS = 64;
const PER_ROUND = 25;
/**
 * Between two commands. Each venue has one control token, whose API budget is 100 a second
 * (burst 200): 5 ms keeps each venue near 80 a second over its rounds and the other's.
 */
const GAP_MS = 5;

type Stop = () => Promise<void> | void;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

/** A relay, a jittered proxy in front of it, and a venue linked to the relay through that proxy. */
async function linkedVenue(stops: Stop[], relaySkewMs = 0): Promise<{ relay: StartedRelay; venue: BenchServer; status: RelayStatus; proxyTo: () => Promise<TcpProxy> }> {
  const key = makeRelayKey();
  // Views and the venue reach the relay through the proxies' ports: allow that Host (any port of 127.0.0.1).
  const env: Record<string, string> = relaySkewMs === 0 ? {} : { NODE_OPTIONS: `--import ${SKEW_PRELOAD}`, BENCH_CLOCK_SKEW_MS: String(relaySkewMs) };
  const relay = await startRelay({ key, args: ['--allowed-hosts', '127.0.0.1', '--max-connections', '100000'], env });
  stops.push(() => relay.kill());
  const proxyTo = async () => {
    const proxy = await startJitterProxy(relay.port, ONE_WAY_MS, JITTER_MS);
    stops.push(() => proxy.close());
    return proxy;
  };
  const link = await proxyTo();
  const venue = await startBenchServer(['--relay', `http://127.0.0.1:${link.port}`, '--relay-key', key]);
  stops.push(() => venue.stop());
  const status = await until('the venue to link through the proxy', async () => {
    const s = await relayStatus(venue.url, venue.tokens.control);
    return s.state === 'connected' && s.links !== null ? s : undefined;
  }, 20_000);
  return { relay, venue, status, proxyTo };
}

/** The revision a server answers on GET /api/v1/state with `token`. */
async function revisionAt(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/state`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}/api/v1/state: ${res.status}`);
  return ((await res.json()) as { revision: number }).revision;
}

async function stopAll(stops: Stop[]): Promise<void> {
  for (const stop of stops.reverse()) await stop();
}

/**
 * The venue's fan-out with and without a relay link, in one run: two venues from the same build,
 * one linked to a relay over the jittered link, one not, each with 50 raw clients; `adjust` commands
 * in rounds of 25, alternately to one and the other (off, on, off, on…), so load drift falls on both.
 */
export async function relayLinkFanoutRows(): Promise<BenchRow[]> {
  const stops: Stop[] = [];
  try {
    const loadBefore = load();
    const off = await startBenchServer();
    stops.push(() => off.stop());
    const { venue: on, relay, status } = await linkedVenue(stops);
    const offClients = await openFanout(off, CLIENTS);
    stops.push(() => offClients.close());
    const onClients = await openFanout(on, CLIENTS);
    stops.push(() => onClients.close());
    const samples = { off: [] as number[], on: [] as number[] };
    const run = async (side: 'off' | 'on', from: number, count: number, keep: boolean) => {
      const session = side === 'off' ? offClients : onClients;
      for (let i = from; i < from + count; i += 1) {
        const delays = await session.time(ADJUSTS.command(i));
        if (keep) samples[side].push(...delays);
        await new Promise((r) => setTimeout(r, GAP_MS));
      }
    };
    // The first few warm up the JIT and the sockets, on both.
    await run('off', 0, 10, false);
    await run('on', 0, 10, false);
    for (let round = 0; round < ROUNDS; round += 1) {
      await run('off', 10 + round * PER_ROUND, PER_ROUND, true);
      await run('on', 10 + round * PER_ROUND, PER_ROUND, true);
    }
    // The link really carried the run: the relay mirrors the linked venue's last revision.
    const last = await revisionAt(on.url, on.tokens.control);
    await until('the relay to mirror the venue', async () => ((await revisionAt(relay.url, tokenOf(status.links!.audience))) === last ? true : undefined));
    const a = summary(samples.off);
    const b = summary(samples.on);
    const ratio = b.p99 / a.p99;
    return [
      {
        figure: `venue fan-out p99, N = ${CLIENTS}, without / with a relay link on a ${LINK} (alternating rounds of ${PER_ROUND} commands, ${a.n} / ${b.n} samples; load average ${loadBefore} → ${load()})`,
        target: 'with ≤ 1.1× without',
        measured: `${ms(a.p99)} / ${ms(b.p99)} (×${ratio.toFixed(2)}; p50 ${ms(a.p50)} / ${ms(b.p50)}; max ${ms(a.max)} / ${ms(b.max)})`,
        pass: ratio <= 1.1,
      },
    ];
  } finally {
    await stopAll(stops);
  }
}

/**
 * A remote speaker's display against the venue's clock: the venue linked to the relay through one
 * jittered proxy, the page (Chromium, clocks skewed +3.7 s) on the relay through another; the relay's
 * own clock is 2.3 s behind (preloaded), so both estimates (relay ← venue, page ← relay) count. The same
 * measure as the local display-accuracy figure (display-accuracy.ts), on the venue's real time.
 */
export async function remoteDisplayRows(seconds = 30): Promise<BenchRow[]> {
  const stops: Stop[] = [];
  try {
    const loadBefore = load();
    const { venue, status, proxyTo } = await linkedVenue(stops, RELAY_SKEW_MS);
    const viewerHop = await proxyTo();
    const link = new URL(status.links!.speaker);
    link.port = String(viewerHop.port);
    const browser = await launchChromium();
    stops.push(() => browser.close());
    const s = summary(await displayErrors(browser, venue, link.href, seconds));
    if (viewerHop.connections() === 0) throw new Error('the page did not reach the relay through the jittered proxy');
    return [
      {
        figure: `remote speaker display (through the relay) vs the venue's clock: ${LINK} on both hops, relay clock ${RELAY_SKEW_MS / 1000} s and page +${SKEW_MS / 1000} s off, ${s.n} frames: p99 error (load average ${loadBefore} → ${load()})`,
        target: '≤ 100 ms',
        measured: `${ms(s.p99, 1)} (p50 ${ms(s.p50, 1)}, worst ${ms(s.max, 1)})`,
        pass: s.p99 <= 100,
      },
    ];
  } finally {
    await stopAll(stops);
  }
}
