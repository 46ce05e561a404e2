import { connectRaw, type RawClient } from '../lib/raw-socket-client';
import type { BenchRow } from '../lib/result';
import { cpuTimeMs, rssBytes, sendCommand, startBenchServer } from '../lib/server';
import { mib } from '../lib/stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** From the server's start to the start of the idle window (see below). */
const SETTLE_MS = 12_000;

/**
 * Idle cost: clock running, 10 clients connected, each pinging once a second as the views do.
 * The server must not tick-broadcast: clients compute time themselves.
 */
export async function idleRows(seconds = 30): Promise<BenchRow[]> {
  // Time pings, as the views send them, once a second from each client; their acks ('43…') are not counted.
  const server = await startBenchServer();
  const events: number[] = Array.from({ length: 10 }, () => 0);
  const clients: RawClient[] = [];
  for (let i = 0; i < 10; i += 1) {
    clients.push(await connectRaw(server.url, { onEvent: (name) => name !== 'displays:update' && (events[i]! += 1) }));
  }
  await sendCommand(server, { type: 'start' });
  // Steady state, not start-up: V8's memory reducer compacts the start-up heap about 8–10 s after
  // the server starts (three full GCs, ~70 ms of CPU on this machine, once). It would otherwise land
  // in the window and count as 0.2 % of idle CPU. The clock runs and the clients ping meanwhile.
  let pingId = 0;
  const ping = () => {
    for (const c of clients) c.ws.send(`42${pingId++}["time:ping",${Date.now()}]`);
  };
  const pinger = setInterval(ping, 1000);
  await sleep(SETTLE_MS);
  events.fill(0);
  const cpu0 = cpuTimeMs(server.pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const cpuPct = ((cpuTimeMs(server.pid) - cpu0) / (performance.now() - t0)) * 100;
  clearInterval(pinger);
  const perClient = Math.max(...events) / seconds;
  for (const c of clients) c.close();
  await server.stop();
  return [
    { figure: `server CPU, clock running, 10 clients, ${seconds} s`, target: '≤ 0.3 % of a core', measured: `${cpuPct.toFixed(2)} %`, pass: cpuPct <= 0.3 },
    { figure: 'messages per client per second while only time passes', target: '0', measured: perClient.toFixed(2), pass: perClient === 0 },
  ];
}

/** Server RSS idle and with 200 clients. */
export async function memoryRows(): Promise<BenchRow[]> {
  const server = await startBenchServer();
  await sleep(500);
  const idle = rssBytes(server.pid);
  const clients: RawClient[] = [];
  for (let i = 0; i < 200; i += 1) clients.push(await connectRaw(server.url));
  await sendCommand(server, { type: 'start' });
  await sleep(2000);
  const loaded = rssBytes(server.pid);
  for (const c of clients) c.close();
  await server.stop();
  return [
    { figure: 'server RSS, idle', target: '—', measured: mib(idle), pass: null },
    { figure: 'server RSS, 200 clients', target: '≤ 90 MiB', measured: mib(loaded), pass: loaded <= 90 * 1024 * 1024 },
  ];
}
