import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandClient } from '../lib/command-client';
import type { BenchRow } from '../lib/result';
import { rssBytes, startBenchServer, type BenchServer } from '../lib/server';
import { mib, ms, summary } from '../lib/stats';

/**
 * Rooms (#18): isolation. One room's fan-out (HTTP command → every display of that room has the
 * patch) with 25 displays, on a server with that room alone, then on a server with 20 rooms of 25
 * displays each (500) while the 19 other rooms receive commands of their own. Target: the room's
 * p99 within 1.2× of the single room's. And the server's RSS with 20 rooms and 500 displays.
 */
const CLIENTS_SCRIPT = fileURLToPath(new URL('../lib/fanout-clients.ts', import.meta.url));
const ROOM_CLIENTS_SCRIPT = fileURLToPath(new URL('../lib/room-clients.ts', import.meta.url));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const DISPLAYS = 25;
const ROOMS = 20;
const COMMANDS = 200;

interface Clients {
  child: ChildProcess;
  /** Resolves with each display's receive time once all have `revision`. */
  revision(revision: number): Promise<number[]>;
  stop(): void;
}

/** `count` raw clients of `room` in another process (bench/lib/fanout-clients.ts). */
async function roomClients(server: BenchServer, room: string, token: string, count: number): Promise<Clients> {
  const child = fork(CLIENTS_SCRIPT, [server.url, String(count), token, room], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting = new Map<number, (times: number[]) => void>();
  const early = new Map<number, number[]>();
  await new Promise<void>((resolve) => {
    child.on('message', (msg: { type: string; revision?: number; times?: number[] }) => {
      if (msg.type === 'ready') resolve();
      if (msg.type !== 'revision') return;
      const done = waiting.get(msg.revision!);
      if (done) done(msg.times!);
      else early.set(msg.revision!, msg.times!);
    });
  });
  return {
    child,
    revision: async (revision) => {
      const times = early.get(revision) ?? (await new Promise<number[]>((r) => waiting.set(revision, r)));
      early.delete(revision);
      waiting.delete(revision);
      return times;
    },
    stop: () => child.send({ type: 'stop' }),
  };
}

const roomPath = (room: string, rest: string) => (room === 'main' ? `/api/v1/${rest}` : `/api/v1/rooms/${room}/${rest}`);

async function addRooms(server: BenchServer, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const id = `room-${i}`;
    const res = await fetch(`${server.url}/api/v1/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: { en: `Room ${i}`, zh: `会场 ${i}` } }),
    });
    if (!res.ok) throw new Error(`add room ${id}: ${res.status}`);
    // The sample agenda, so that `adjust` has an item to act on.
    const agenda = (await (await fetch(`${server.url}/api/v1/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as { agenda: unknown };
    const imported = await fetch(`${server.url}${roomPath(id, 'commands')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'agenda.replace', agenda: agenda.agenda }),
    });
    if (!imported.ok) throw new Error(`agenda of ${id}: ${imported.status}`);
    ids.push(id);
  }
  return ids;
}

const viewToken = async (server: BenchServer, room: string): Promise<string> =>
  ((await (await fetch(`${server.url}${roomPath(room, 'tokens')}`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as { view: string }).view;

/** The measured room's fan-out over COMMANDS adjusts; with `others`, each other room gets a command between two. */
async function measureRoom(server: BenchServer, room: string, clients: Clients, others: string[]): Promise<number[]> {
  const http = commandClient(server, roomPath(room, 'commands'));
  const background = others.map((other) => commandClient(server, roomPath(other, 'commands')));
  const samples: number[] = [];
  try {
    for (let i = 0; i < COMMANDS + 10; i += 1) {
      const t0 = now();
      const { revision } = await http.send({ type: 'adjust', seconds: i % 2 === 0 ? 1 : -1 });
      const times = await clients.revision(revision);
      if (i >= 10) samples.push(...times.map((t) => t - t0));
      // Another room's command, not awaited: the rooms run at once.
      const other = background[i % Math.max(1, background.length)];
      if (other) void other.send({ type: 'adjust', seconds: i % 2 === 0 ? 1 : -1 }).catch(() => {});
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    http.close();
    for (const b of background) b.close();
  }
  return samples;
}

export async function roomsRows(): Promise<BenchRow[]> {
  // One room alone.
  const single = await startBenchServer();
  let singleP99: number;
  let singleText: string;
  try {
    const clients = await roomClients(single, 'main', single.tokens.view, DISPLAYS);
    const s = summary(await measureRoom(single, 'main', clients, []));
    clients.stop();
    singleP99 = s.p99;
    singleText = `${ms(s.p50)} / ${ms(s.p99)}`;
  } finally {
    await single.stop();
  }
  // Twenty rooms of 25 displays each.
  const many = await startBenchServer();
  const rows: BenchRow[] = [];
  try {
    const others = await addRooms(many, ROOMS - 1);
    const measured = await roomClients(many, 'main', many.tokens.view, DISPLAYS);
    // The other rooms' displays, all in one more process.
    const pairs: [string, string][] = [];
    for (const id of others) pairs.push([id, await viewToken(many, id)]);
    const rest = fork(ROOM_CLIENTS_SCRIPT, [many.url, String(DISPLAYS), JSON.stringify(pairs)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    await new Promise<void>((resolve) => rest.on('message', (msg: { type: string }) => msg.type === 'ready' && resolve()));
    const s = summary(await measureRoom(many, 'main', measured, others));
    const rss = rssBytes(many.pid);
    measured.stop();
    rest.send({ type: 'stop' });
    rows.push({
      figure: `one room's fan-out, ${DISPLAYS} displays: alone vs. among ${ROOMS} rooms × ${DISPLAYS} displays, the others busy (p50 / p99, ${s.n} samples)`,
      target: `p99 ≤ 1.2 × alone`,
      measured: `alone ${singleText}; among ${ROOMS} rooms ${ms(s.p50)} / ${ms(s.p99)} (${(s.p99 / singleP99).toFixed(2)}×)`,
      pass: s.p99 <= 1.2 * singleP99,
    });
    rows.push({ figure: `server RSS, ${ROOMS} rooms and ${ROOMS * DISPLAYS} displays`, target: '—', measured: mib(rss), pass: null });
  } finally {
    await many.stop();
  }
  return rows;
}
