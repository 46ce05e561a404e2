import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandClient } from '../lib/command-client';
import type { BenchRow } from '../lib/result';
import { rssBytes, startBenchServer, type BenchServer } from '../lib/server';
import { mib, ms, summary } from '../lib/stats';
import { openFanout, type FanoutSession } from './fanout';

/**
 * Rooms (#18): isolation. One room's fan-out (HTTP command → every one of its 25 displays has the
 * patch) on a server with that room alone, against the same on a server with 20 rooms of 25
 * displays each (500): first with the other 19 rooms' 475 displays connected, then with each of
 * those rooms also receiving a command a second (19 a second in all, spread evenly). Target: the
 * room's p99 within 1.2× of the single room's. And the server's RSS with 20 rooms and 500 displays.
 *
 * Both servers run for the whole figure and the three conditions are measured in alternating
 * blocks, each block starting with a different condition, so the machine's load as it drifts
 * (a shared 2-core machine) falls on each condition alike instead of on whichever ran last.
 */
const ROOM_CLIENTS_SCRIPT = fileURLToPath(new URL('../lib/room-clients.ts', import.meta.url));
const DISPLAYS = 25;
const ROOMS = 20;
const BLOCKS = 12;
const PER_BLOCK = 25;
const WARM_UP = 10;
const GAP_MS = 2;

const roomPath = (room: string, rest: string) => (room === 'main' ? `/api/v1/${rest}` : `/api/v1/rooms/${room}/${rest}`);
const adjust = (i: number) => ({ type: 'adjust', seconds: i % 2 === 0 ? 1 : -1 });
/** The producer sends every room's commands with one token: above the API's per-token budget, as the other benches do. */
const RATE_ARGS = ['--rate-limit', '100000'];

const bearer = (server: BenchServer) => ({ authorization: `Bearer ${server.tokens.control}` });

/** Adds rooms `room-1`…`room-n`, each with `main`'s agenda (so that `adjust` has an item to act on). */
async function addRooms(server: BenchServer, n: number): Promise<string[]> {
  const { agenda } = (await (await fetch(`${server.url}/api/v1/state`, { headers: bearer(server) })).json()) as { agenda: unknown };
  const ids: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const id = `room-${i}`;
    const headers = { ...bearer(server), 'content-type': 'application/json' };
    const added = await fetch(`${server.url}/api/v1/rooms`, { method: 'POST', headers, body: JSON.stringify({ id, name: { en: `Room ${i}`, zh: `会场 ${i}` } }) });
    if (!added.ok) throw new Error(`add room ${id}: ${added.status}`);
    const replaced = await fetch(`${server.url}${roomPath(id, 'commands')}`, { method: 'POST', headers, body: JSON.stringify({ type: 'agenda.replace', agenda }) });
    if (!replaced.ok) throw new Error(`agenda of ${id}: ${replaced.status}`);
    ids.push(id);
  }
  return ids;
}

const viewToken = async (server: BenchServer, room: string): Promise<string> =>
  ((await (await fetch(`${server.url}${roomPath(room, 'tokens')}`, { headers: bearer(server) })).json()) as { view: string }).view;

/** The other rooms' displays, all in one more process: they only receive. */
async function otherDisplays(server: BenchServer, rooms: string[]): Promise<ChildProcess> {
  const pairs: [string, string][] = [];
  for (const id of rooms) pairs.push([id, await viewToken(server, id)]);
  const child = fork(ROOM_CLIENTS_SCRIPT, [server.url, String(DISPLAYS), JSON.stringify(pairs)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await new Promise<void>((resolve) => child.on('message', (msg: { type: string }) => msg.type === 'ready' && resolve()));
  return child;
}

/** Each of `rooms` receives a command a second while on, one room after the other, evenly spread. */
function backgroundCommands(server: BenchServer, rooms: string[]) {
  const clients = rooms.map((id) => commandClient(server, roomPath(id, 'commands')));
  const inFlight = new Set<Promise<unknown>>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let sent = 0;
  return {
    on: () => {
      timer = setInterval(() => {
        const room = sent % rooms.length;
        const p = clients[room]!.send(adjust(Math.floor(sent / rooms.length))).catch(() => {});
        sent += 1;
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }, 1000 / rooms.length);
    },
    /** Stops, once the commands sent have been answered: the next block starts quiet. */
    off: async () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
      await Promise.all([...inFlight]);
    },
    sent: () => sent,
    close: () => clients.forEach((c) => c.close()),
  };
}

async function timeCommands(session: FanoutSession, count: number, into: number[] | null): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const delays = await session.time(adjust(i));
    into?.push(...delays);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
}

export async function roomsRows(): Promise<BenchRow[]> {
  const single = await startBenchServer(RATE_ARGS);
  const many = await startBenchServer(RATE_ARGS);
  const sessions: FanoutSession[] = [];
  let rest: ChildProcess | null = null;
  let busy: ReturnType<typeof backgroundCommands> | null = null;
  try {
    const others = await addRooms(many, ROOMS - 1);
    // The measured room is `main` on both servers, its 25 displays in a process of their own.
    const alone = await openFanout(single, DISPLAYS);
    const among = await openFanout(many, DISPLAYS);
    sessions.push(alone, among);
    rest = await otherDisplays(many, others);
    busy = backgroundCommands(many, others);
    const background = busy;
    const samples = { alone: [] as number[], connected: [] as number[], busy: [] as number[] };
    const conditions = [
      { name: 'alone', run: (into: number[] | null, n: number) => timeCommands(alone, n, into) },
      { name: 'connected', run: (into: number[] | null, n: number) => timeCommands(among, n, into) },
      {
        name: 'busy',
        run: async (into: number[] | null, n: number) => {
          background.on();
          try {
            await timeCommands(among, n, into);
          } finally {
            await background.off();
          }
        },
      },
    ] as const;
    // Warm-up (the JIT, the sockets, the other rooms' paths), not counted.
    for (const c of conditions) await c.run(null, WARM_UP);
    for (let block = 0; block < BLOCKS; block += 1) {
      for (let k = 0; k < conditions.length; k += 1) {
        const c = conditions[(block + k) % conditions.length]!;
        await c.run(samples[c.name], PER_BLOCK);
      }
    }
    const rss = rssBytes(many.pid);
    const a = summary(samples.alone);
    const within = (p99: number) => `${(p99 / a.p99).toFixed(2)}×`;
    const row = (label: string, s: ReturnType<typeof summary>): BenchRow => ({
      figure: `one room's fan-out, ${DISPLAYS} displays: alone vs. among ${ROOMS} rooms × ${DISPLAYS} displays, ${label} (p50 / p99, ${s.n} samples each)`,
      target: 'p99 ≤ 1.2 × alone',
      measured: `alone ${ms(a.p50)} / ${ms(a.p99)}; among ${ROOMS} rooms ${ms(s.p50)} / ${ms(s.p99)} (${within(s.p99)})`,
      pass: s.p99 <= 1.2 * a.p99,
    });
    return [
      row(`the other ${ROOMS - 1} rooms' ${(ROOMS - 1) * DISPLAYS} displays connected`, summary(samples.connected)),
      row(`each other room also receiving a command a second (${background.sent()} sent)`, summary(samples.busy)),
      { figure: `server RSS, ${ROOMS} rooms and ${ROOMS * DISPLAYS} displays`, target: '—', measured: mib(rss), pass: null },
    ];
  } finally {
    await busy?.off();
    busy?.close();
    for (const s of sessions) s.close();
    rest?.send({ type: 'stop' });
    await Promise.all([single.stop(), many.stop()]);
  }
}
