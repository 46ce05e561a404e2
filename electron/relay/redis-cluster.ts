import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { CommandAck } from '../../shared/contract/commands';
import { apiError } from '../../shared/contract/errors';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import type { FoldResult, SnapshotStore } from './channel-mirror';
import type { LinkFact, RelayCluster, RemoteForward, SealedLinkFact } from './cluster';
import { ClusterSecrets } from './cluster';

/** Keys in Redis: a set of channel ids, and per channel a hash {snapshot, link}. */
const PREFIX = 'rostrum:relay';
const CHANNELS_KEY = `${PREFIX}:channels`;
const channelKey = (channel: string) => `${PREFIX}:channel:${channel}`;

const FACT_EVENT = 'rostrum:link-fact';
const SNAPSHOT_EVENT = 'rostrum:snapshot';
const PATCH_EVENT = 'rostrum:patch';
/** A process missed a patch (or has just started): whoever holds the channel sends its snapshot. */
const RESYNC_EVENT = 'rostrum:resync';
const RESYNC_ANSWER_EVENT = 'rostrum:resync-answer';
/**
 * How long the snapshot in Redis may lag the one in memory: it is written at most this often,
 * once for a whole burst of patches, off the fan-out path. Only a process starting up reads it
 * (and then asks the holder for the latest anyway).
 */
const SNAPSHOT_WRITE_MS = 100;
const FORWARD_EVENT = 'rostrum:forward';

/** Longer than the holder's own wait for the venue (5 s), so that its answer (or timeout) comes back. */
const FORWARD_TIMEOUT_MS = 6500;

/** The server-side events of socket.io, untyped by the library's generics: named here once. */
interface ServerSide {
  on(event: string, listener: (...args: never[]) => void): void;
  serverSideEmit(event: string, ...args: unknown[]): boolean;
  serverSideEmitWithAck(event: string, ...args: unknown[]): Promise<unknown[]>;
}

export interface RedisClusterOptions {
  url: string;
  relayKey: string;
  /** The relay's clock (for when a fact arrived). */
  now: () => number;
  /** How a patch folds into a snapshot (the mirror's own fold): each process keeps its copy current from the patches. */
  fold: (local: Snapshot | null, patch: StatePatch) => FoldResult<Snapshot>;
  log: (line: string) => void;
}

/**
 * Several relay processes on one Redis (`--redis URL`): socket.io's Redis adapter carries the
 * fan-out (a patch emitted by the process holding the venue link reaches every process's viewers)
 * and the server-side messages between processes; the last snapshot per channel lives in Redis
 * (and in each process's memory, kept current by those messages), so any process serves a late
 * joiner, and one started later reads it at start. The adapter is attached to `io` here.
 */
export async function connectRedisCluster(io: Server, o: RedisClusterOptions): Promise<RelayCluster> {
  const id = randomBytes(6).toString('hex');
  const secrets = new ClusterSecrets(o.relayKey);
  const reported = new Set<string>();
  const onError = (error: Error) => {
    // The client reconnects by itself; say each distinct failure once, not at every retry.
    if (reported.has(error.message)) return;
    reported.add(error.message);
    o.log(`Rostrum relay: Redis: ${error.message}`);
  };
  // At start, an unreachable Redis is an error (said at once, exit 1: a supervisor restarts the
  // relay); once connected, the client reconnects by itself, backing off to 2 s.
  let started = false;
  const reconnectStrategy = (retries: number, cause: Error): number | Error => (started ? Math.min(100 * 2 ** retries, 2000) : cause);
  const pub = createClient({ url: o.url, socket: { reconnectStrategy } });
  pub.on('error', onError);
  pub.on('ready', () => reported.clear());
  const sub = pub.duplicate();
  sub.on('error', onError);
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    pub.destroy();
    sub.destroy();
    throw new Error(`--redis: cannot reach Redis at ${redactedUrl(o.url)} (${(error as Error).message})`, { cause: error });
  }
  started = true;
  io.adapter(createAdapter(pub, sub, { key: `${PREFIX}#io`, requestsTimeout: FORWARD_TIMEOUT_MS }));
  const side = io as unknown as ServerSide;

  const snapshots = new Map<string, Snapshot>();
  const facts = new Map<string, { fact: LinkFact; at: number }>();
  const unsealed = (sealed: SealedLinkFact): LinkFact => ({
    linked: sealed.linked === true,
    tokens: typeof sealed.sealedTokens === 'string' ? secrets.unseal(sealed.sealedTokens) : null,
    offsetMs: Number.isFinite(sealed.offsetMs) ? sealed.offsetMs : 0,
    taken: sealed.taken === true,
  });
  const factListeners: ((channel: string, fact: LinkFact) => void)[] = [];
  let forwardHandler: ((request: RemoteForward) => Promise<CommandAck> | null) | null = null;
  const write = (promise: Promise<unknown>) => void promise.catch((error: unknown) => onError(error as Error));

  // What a process started later (or restarted) finds: the snapshots, and the links (with when
  // they were announced: one that has been silent too long counts as lost).
  for (const channel of await pub.sMembers(CHANNELS_KEY)) {
    const stored = await pub.hGetAll(channelKey(channel));
    if (stored['snapshot']) snapshots.set(channel, JSON.parse(stored['snapshot']) as Snapshot);
    if (stored['link']) {
      const { fact, wallAt } = JSON.parse(stored['link']) as { fact: SealedLinkFact; wallAt: number };
      facts.set(channel, { fact: { ...unsealed(fact), taken: false }, at: o.now() - Math.max(0, Date.now() - wallAt) });
    }
  }

  // Each process keeps the latest snapshot of each channel in memory for its own late joiners. The
  // holder sends each patch to the others before it broadcasts it to the viewers: both go through
  // the same Redis connections, in order, so a process has folded a patch before any of its viewers
  // receives it, and a late joiner's snapshot is never older than the next patch it is sent.
  /** Channels whose snapshot this process holds (the venue's link is here): it answers resyncs. */
  const held = new Set<string>();
  /** Channels this process asked a fresh snapshot for, and has not had one since. */
  const resyncing = new Set<string>();
  const askResync = (channel: string) => {
    if (resyncing.has(channel)) return;
    resyncing.add(channel);
    side.serverSideEmit(RESYNC_EVENT, channel);
  };
  side.on(SNAPSHOT_EVENT, (channel: string, snapshot: Snapshot) => {
    held.delete(channel);
    resyncing.delete(channel);
    snapshots.set(channel, snapshot);
  });
  side.on(PATCH_EVENT, (channel: string, patch: StatePatch) => {
    held.delete(channel);
    const folded = o.fold(snapshots.get(channel) ?? null, patch);
    if (folded.kind === 'applied') snapshots.set(channel, folded.snapshot);
    else if (folded.kind === 'gap') askResync(channel);
  });
  side.on(RESYNC_EVENT, (channel: string) => {
    const snapshot = snapshots.get(channel);
    if (held.has(channel) && snapshot) side.serverSideEmit(RESYNC_ANSWER_EVENT, channel, snapshot);
  });
  side.on(RESYNC_ANSWER_EVENT, (channel: string, snapshot: Snapshot) => {
    // The holder's latest when it answered: the patches after it come after the answer, in order.
    if (!resyncing.has(channel)) return;
    resyncing.delete(channel);
    snapshots.set(channel, snapshot);
  });
  side.on(FACT_EVENT, (channel: string, sealed: SealedLinkFact) => {
    const fact = unsealed(sealed);
    facts.set(channel, { fact, at: o.now() });
    for (const listener of factListeners) listener(channel, fact);
  });
  side.on(FORWARD_EVENT, (request: RemoteForward, mac: string, answer: (ack: CommandAck | null) => void) => {
    if (typeof answer !== 'function') return;
    const handled = secrets.verify(request, mac) ? forwardHandler?.(request) : null;
    if (!handled) return answer(null);
    void handled.then(answer);
  });

  // Redis gets the latest snapshot of each channel, coalesced: once per SNAPSHOT_WRITE_MS at most.
  const unwritten = new Set<string>();
  let writeTimer: NodeJS.Timeout | null = null;
  const writeSnapshots = () => {
    writeTimer = null;
    for (const channel of unwritten) {
      const snapshot = snapshots.get(channel);
      if (snapshot) write(pub.multi().sAdd(CHANNELS_KEY, channel).hSet(channelKey(channel), 'snapshot', JSON.stringify(snapshot)).exec());
    }
    unwritten.clear();
  };
  const store: SnapshotStore<Snapshot> = {
    get: (channel) => snapshots.get(channel) ?? null,
    set: (channel, snapshot, patch) => {
      snapshots.set(channel, snapshot);
      held.add(channel);
      // A patch goes to the others as it is (they fold it); the source's whole state only when it sends one.
      if (patch) side.serverSideEmit(PATCH_EVENT, channel, patch);
      else side.serverSideEmit(SNAPSHOT_EVENT, channel, snapshot);
      unwritten.add(channel);
      writeTimer ??= setTimeout(writeSnapshots, SNAPSHOT_WRITE_MS);
    },
    delete: (channel) => {
      snapshots.delete(channel);
      unwritten.delete(channel);
      write(pub.hDel(channelKey(channel), 'snapshot'));
    },
  };
  // Started (or restarted) while a venue is linked elsewhere: what Redis had may be up to
  // SNAPSHOT_WRITE_MS old; the holder sends the latest.
  for (const channel of snapshots.keys()) askResync(channel);

  return {
    id,
    store,
    announce: (channel, { tokens, ...rest }) => {
      const fact: SealedLinkFact = { holder: id, ...rest, sealedTokens: tokens ? secrets.seal(tokens) : null };
      side.serverSideEmit(FACT_EVENT, channel, fact);
      write(pub.multi().sAdd(CHANNELS_KEY, channel).hSet(channelKey(channel), 'link', JSON.stringify({ fact, wallAt: Date.now() })).exec());
    },
    onFact: (listener) => void factListeners.push(listener),
    lastFact: (channel) => facts.get(channel) ?? null,
    channels: () => [...facts.keys()],
    forward: async (request) => {
      try {
        const answers = await side.serverSideEmitWithAck(FORWARD_EVENT, request, secrets.mac(request));
        return (answers.find((a) => a !== null && a !== undefined) as CommandAck | undefined) ?? null;
      } catch {
        // Some process did not answer in time (one just died): what the holder said is lost with it.
        return { ok: false, error: apiError('timeout', 'the relay process holding the venue link did not answer in time: the command may or may not have reached the venue') };
      }
    },
    serveForwards: (handler) => {
      forwardHandler = handler;
    },
    close: async () => {
      if (writeTimer) {
        clearTimeout(writeTimer);
        writeSnapshots();
      }
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the given URL';
  }
}
