import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { clockView } from '../../shared/clock/clock-view';
import type { CommandAck, CommandInput } from '../../shared/contract/commands';
import { CommandError } from '../../shared/contract/errors';
import type { RostrumState, Snapshot } from '../../shared/contract/state';
import { validateCommand } from '../../shared/contract/validate';
import { instant, type Instant } from '../../shared/time/instant';
import { applyCommand } from '../../electron/engine/apply-command';
import { initialState } from '../../electron/engine/initial-state';
import { makeSnapshot } from '../../electron/server/snapshot';
import { startServer, type StartedServer } from './server-process';
import { connectSocket, type TestSocket } from './socket-client';

/**
 * The kill test (#8): a seeded random session of valid commands over socket.io against the real
 * server, SIGKILLed at random points (often with a command in flight) and restarted on the same
 * data dir. The test keeps its own copy of the state: the pure engine's replay of exactly the
 * acknowledged commands, each at the `serverTime` of the patch the server sent before its ack.
 * After every restart the server's snapshot must equal that replay, exactly.
 *
 * A command in flight at the kill may have been saved without its ack reaching us: then the
 * restored revision is one ahead, and the state must equal the replay plus that one command
 * (counted and reported). Anything else — a lost acknowledged command, an invented one — fails.
 */

export interface KillSessionOptions {
  commands: number;
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export interface KillSessionResult {
  seed: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged refusals (domain reasons: stale item, nothing to undo…): replayed as refusals too. */
  refused: number;
  kills: number;
  /** Kills that caught a command after it was saved but before its ack arrived. */
  savedInFlight: number;
  /** Kills that caught a command before it was saved. */
  lostInFlight: number;
  /** Restarts at which the clock was running. */
  runningAtRestart: number;
  /**
   * Max error of a restored running clock: |restored remaining − replayed remaining| as of the
   * snapshot's serverTime, plus how far that serverTime lies outside the real time it was taken at.
   */
  maxRemainingErrorMs: number;
  /** Actual starts and ends in the final report. */
  starts: number;
  ends: number;
  failures: string[];
}

/** mulberry32: small, seedable, good enough to pick commands. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const allItems = (s: RostrumState) => s.agenda.sessions.flatMap((session) => session.items.map((item) => ({ item, sessionId: session.id })));

let inserted = 0;

/** A plausible next command for this state (most are accepted; some are refused for domain reasons). */
export function randomCommand(s: RostrumState, rng: Rng): CommandInput {
  const cur = s.clock.currentItemId;
  const exp = cur === null ? {} : { expectedItemId: cur };
  const items = allItems(s);
  const others = items.filter((x) => x.item.id !== cur);
  const playable = others.filter((x) => !x.item.skipped);
  const some = () => pick(rng, items).item.id;
  const r = rng();
  if (cur === null) return { type: 'goto', itemId: pick(rng, playable.length ? playable : items).item.id };
  if (r < 0.2) {
    if (s.clock.status === 'running') return { type: 'pause', ...exp };
    return { type: s.clock.status === 'paused' ? 'resume' : 'start', ...exp };
  }
  if (r < 0.3) return { type: 'next', ...exp };
  if (r < 0.36) return { type: 'previous', ...exp };
  if (r < 0.44 && playable.length) return { type: 'goto', itemId: pick(rng, playable).item.id };
  if (r < 0.52) return { type: 'adjust', seconds: pick(rng, [-60, -30, -5, 5, 30, 60, 120, 300]), ...exp };
  if (r < 0.54) return { type: 'reset', ...exp };
  if (r < 0.59) return { type: 'message.speaker', text: `Please wrap up ${int(rng, 1, 999)}`, flash: rng() < 0.5 };
  if (r < 0.62) return { type: 'message.booth', text: `Handover after this speaker ${int(rng, 1, 999)}` };
  if (r < 0.64) return { type: 'message.clear', target: rng() < 0.5 ? 'speaker' : 'booth' };
  if (r < 0.72) {
    const patch = pick(rng, [
      { notes: `note ${int(rng, 1, 9999)}` },
      { durationSec: int(rng, 60, 1800) },
      { title: `Talk ${int(rng, 1, 9999)}` },
      { scriptReceived: rng() < 0.5 },
      { warningSec: int(rng, 30, 120) },
    ]);
    return { type: 'item.update', itemId: rng() < 0.5 ? cur : some(), patch };
  }
  if (r < 0.75) {
    const target = pick(rng, s.agenda.sessions);
    const template = items[0]!.item;
    inserted += 1;
    return { type: 'item.insert', sessionId: target.id, item: { ...template, id: `kill-${inserted}-${int(rng, 0, 1e6)}`, title: 'Inserted talk', durationSec: int(rng, 60, 900), skipped: false } };
  }
  if (r < 0.77 && others.length > 8) return { type: 'item.remove', itemId: pick(rng, others).item.id };
  if (r < 0.8 && others.length) {
    const o = pick(rng, others);
    return { type: 'item.move', itemId: o.item.id, sessionId: pick(rng, s.agenda.sessions).id };
  }
  if (r < 0.83 && others.length) {
    const o = pick(rng, others);
    return { type: 'skip', itemId: o.item.id, skipped: !o.item.skipped };
  }
  if (r < 0.85) return { type: 'display.blank', blank: !s.display.speakerBlank };
  if (r < 0.88) return { type: 'booth.request', booth: pick(rng, ['zh', 'en']), kind: pick(rng, ['slow-down', 'no-audio', 'need-text'] as const) };
  if (r < 0.9) {
    const open = s.booth.requests.filter((q) => q.acknowledgedAt === null);
    if (open.length) return { type: 'booth.ack', requestId: pick(rng, open).id };
  }
  if (r < 0.92) return { type: 'booth.turn.start', booth: pick(rng, ['zh', 'en']) };
  if (r < 0.93) return { type: 'booth.turn.reset', booth: pick(rng, ['zh', 'en']) };
  if (r < 0.94) return { type: 'booth.turn.length', booth: pick(rng, ['zh', 'en']), turnSec: pick(rng, [900, 1200, 1800]) };
  if (r < 0.96) return { type: 'booth.notes', itemId: some(), boothNotes: `terms ${int(rng, 1, 999)}` };
  if (r < 0.97) return { type: 'settings.update', boothMayEditNotes: !s.booth.mayEditNotes };
  if (r < 0.985) return { type: 'recovery.apply', ...exp };
  return { type: 'recovery.undo' };
}

/** The engine's answer for an acknowledged command: the next state, or the refusal's code. */
function replay(state: RostrumState, input: CommandInput, now: Instant): RostrumState | { refused: string } {
  const validated = validateCommand(input);
  if (!validated.ok) return { refused: validated.error.code };
  try {
    return applyCommand(state, validated.value, now);
  } catch (error) {
    if (error instanceof CommandError) return { refused: error.code };
    throw error;
  }
}

/** JSON round trip: what a client receives (no undefined fields). */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every number in a value that could be an instant within [from, to]. */
function instantsWithin(value: unknown, from: number, to: number, out = new Set<number>()): Set<number> {
  if (typeof value === 'number' && value >= from && value <= to) out.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) instantsWithin(v, from, to, out);
  return out;
}

interface Connection {
  socket: TestSocket;
  snapshot: Snapshot;
  /** When the connection (whose first message is the snapshot) was asked for, and the snapshot arrived. */
  askedAt: number;
  receivedAt: number;
  patchTimes: Map<number, Instant>;
  closed: Promise<void>;
}

async function connect(server: StartedServer): Promise<Connection> {
  const patchTimes = new Map<number, Instant>();
  const askedAt = Date.now();
  const { socket, snapshot } = await connectSocket(server.url, server.tokens.control);
  const receivedAt = Date.now();
  socket.on('state:patch', (p) => patchTimes.set(p.revision, p.serverTime));
  const closed = new Promise<void>((r) => socket.once('disconnect', () => r()));
  return { socket, snapshot, askedAt, receivedAt, patchTimes, closed };
}

/** Emits a command; resolves with its ack, or null when the connection dropped first. */
function emit(conn: Connection, command: CommandInput): Promise<CommandAck | null> {
  return new Promise((resolve) => {
    let done = false;
    conn.socket.emit('command', command, (ack) => {
      done = true;
      resolve(ack);
    });
    void conn.closed.then(() => {
      // An ack that arrived before the close was handled first (TCP keeps the order).
      if (!done) resolve(null);
    });
  });
}

/** The data dir after a SIGKILL: the state file must be whole JSON, never half-written. */
function checkDataDir(dataDir: string): string[] {
  const problems: string[] = [];
  const files = readdirSync(dataDir);
  if (!files.includes('state.json')) problems.push(`no state.json in ${dataDir} (${files.join(', ')})`);
  for (const f of files.filter((name) => name.endsWith('.json'))) {
    try {
      JSON.parse(readFileSync(join(dataDir, f), 'utf8'));
    } catch (error) {
      problems.push(`${f} is not whole JSON after a SIGKILL: ${(error as Error).message}`);
    }
  }
  const aside = files.filter((f) => f.includes('corrupt'));
  if (aside.length) problems.push(`the server found a corrupt file: ${aside.join(', ')}`);
  return problems;
}

export async function runKillSession(o: KillSessionOptions): Promise<KillSessionResult> {
  const log = o.log ?? (() => {});
  const rng = seededRandom(o.seed);
  const result: KillSessionResult = {
    seed: o.seed,
    sent: 0,
    acknowledged: 0,
    refused: 0,
    kills: 0,
    savedInFlight: 0,
    lostInFlight: 0,
    runningAtRestart: 0,
    maxRemainingErrorMs: 0,
    starts: 0,
    ends: 0,
    failures: [],
  };
  const fail = (message: string) => {
    result.failures.push(message);
    throw new Error(`${message} (seed ${o.seed}: ROSTRUM_SEED=${o.seed})`);
  };

  // Distinct kill points, never the very first command.
  const killAt = new Set<number>();
  while (killAt.size < Math.min(o.kills, o.commands - 1)) killAt.add(int(rng, 1, o.commands - 1));

  // The limiter is not what this test is about: commands go out back to back.
  let server = await startServer({ args: ['--rate-limit', '1000000'] });
  let conn = await connect(server);
  if (conn.snapshot.revision !== 0) fail(`a fresh data dir should start at revision 0, not ${conn.snapshot.revision}`);
  let model = initialState(conn.snapshot.agenda, 0);
  let avgLatency = 5;

  /** The restored snapshot must be the replay, exactly, as of its serverTime. */
  const verify = (snap: Snapshot, askedAt: number, receivedAt: number, when: string) => {
    const want = wire(makeSnapshot(model, snap.serverTime));
    if (!isDeepStrictEqual(wire(snap), want)) {
      const diff = (Object.keys(want) as (keyof Snapshot)[]).filter((k) => !isDeepStrictEqual(wire(snap)[k], want[k]));
      fail(`${when}: the restored state differs from the replay of the acknowledged commands in ${diff.join(', ')} (revision ${snap.revision} vs ${model.revision})`);
    }
    // The restored clock against the replay as of the snapshot's serverTime, which must itself be
    // the real time: between asking for the snapshot and receiving it (same machine, same clock).
    const truth = clockView(model.clock, model.agenda, snap.serverTime).remainingMs;
    if (snap.clock.status === 'running' && truth !== null && snap.clock.remainingMs !== null) {
      const clockOff = Math.max(0, askedAt - snap.serverTime, snap.serverTime - receivedAt);
      const error = Math.abs(snap.clock.remainingMs - truth) + clockOff;
      result.maxRemainingErrorMs = Math.max(result.maxRemainingErrorMs, error);
      if (error > 200) fail(`${when}: remaining time off by ${error} ms`);
    }
  };

  const accept = (command: CommandInput, ack: CommandAck) => {
    result.acknowledged += 1;
    if (!ack.ok) {
      const replayed = replay(model, command, instant(Date.now()));
      if (!('refused' in replayed) || replayed.refused !== ack.error.code) {
        fail(`${command.type} was refused by the server (${ack.error.code}) but not by the replay`);
      }
      result.refused += 1;
      return;
    }
    const changed = ack.revision !== model.revision;
    const now = changed ? conn.patchTimes.get(ack.revision) : instant(Date.now());
    if (now === undefined) return fail(`no state:patch before the ack of revision ${ack.revision}`);
    const next = replay(model, command, now);
    if ('refused' in next) return fail(`${command.type} was accepted by the server but refused by the replay (${next.refused})`);
    if (next.revision !== ack.revision) fail(`${command.type}: the server acknowledged revision ${ack.revision}, the replay gives ${next.revision}`);
    model = next;
  };

  for (let i = 0; i < o.commands; i += 1) {
    const command = randomCommand(model, rng);
    result.sent += 1;
    if (!killAt.has(i)) {
      const t0 = performance.now();
      const ack = await emit(conn, command);
      avgLatency = 0.9 * avgLatency + 0.1 * (performance.now() - t0);
      if (ack === null) return fail(`the connection dropped without a kill at command ${i}`);
      accept(command, ack);
      continue;
    }

    // Kill with this command in flight: before it arrives, while it is saved, or just after.
    const sentAt = Date.now();
    const pending = emit(conn, command);
    const delay = rng() * 1.5 * avgLatency;
    if (delay < 1) await new Promise((r) => setImmediate(r));
    else await new Promise((r) => setTimeout(r, delay));
    await server.kill();
    result.kills += 1;
    await conn.closed;
    const ack = await pending;
    const killedAt = Date.now();
    if (ack !== null) accept(command, ack);

    const problems = checkDataDir(server.dataDir);
    if (problems.length) fail(`after kill ${result.kills}: ${problems.join('; ')}`);

    server = await server.restart();
    if (/WARNING/.test(server.output())) fail(`restart ${result.kills} warned: ${server.output()}`);
    conn = await connect(server);
    const snap = conn.snapshot;
    if (ack === null) {
      if (snap.revision === model.revision + 1) {
        // Saved, but the ack never reached us: find the instant the server applied it at.
        const candidates = [...instantsWithin(snap, sentAt - 1, killedAt + 1), sentAt];
        const found = candidates
          .map((t) => replay(model, command, instant(t)))
          .find((s): s is RostrumState => !('refused' in s) && isDeepStrictEqual(wire(makeSnapshot(s, snap.serverTime)), wire(snap)));
        if (!found) fail(`kill ${result.kills}: revision ${snap.revision} restored, but it is not the in-flight ${command.type} applied to the acknowledged state`);
        model = found!;
        result.savedInFlight += 1;
      } else if (snap.revision === model.revision) {
        result.lostInFlight += 1;
      } else {
        fail(`kill ${result.kills}: restored revision ${snap.revision}, acknowledged ${model.revision}`);
      }
    }
    if (snap.clock.status === 'running') result.runningAtRestart += 1;
    verify(snap, conn.askedAt, conn.receivedAt, `restart ${result.kills} (command ${i}, ${command.type}, ${ack ? 'acknowledged' : 'no ack'})`);
    log(`kill ${result.kills} at command ${i} (${command.type}, ${ack ? 'acknowledged' : 'in flight'}): revision ${snap.revision}, ${snap.clock.status}`);
  }

  // At the end: the live state, then once more after a kill with nothing in flight.
  const askedAt = Date.now();
  conn.socket.emit('state:request');
  const live = await new Promise<Snapshot>((r) => conn.socket.once('state:snapshot', r));
  verify(live, askedAt, Date.now(), 'end of the session');
  await server.kill();
  await conn.closed;
  const problems = checkDataDir(server.dataDir);
  if (problems.length) fail(`after the final kill: ${problems.join('; ')}`);
  server = await server.restart();
  conn = await connect(server);
  verify(conn.snapshot, conn.askedAt, conn.receivedAt, 'final restart');

  // The report keeps every actual start and end the replay recorded.
  for (const [itemId, record] of Object.entries(model.report)) {
    const restored = conn.snapshot.report[itemId];
    if (record.actualStart !== null) result.starts += 1;
    if (record.actualEnd !== null) result.ends += 1;
    if (restored?.actualStart !== record.actualStart || restored.actualEnd !== record.actualEnd) fail(`the report lost ${itemId}'s actual start or end`);
  }
  conn.socket.close();
  await server.stop();
  return result;
}
