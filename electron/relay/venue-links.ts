import { timingSafeEqual } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import type { CommandAck, CommandInput } from '../../shared/contract/commands';
import { validateCommand } from '../../shared/contract/validate';
import { apiError } from '../../shared/contract/errors';
import {
  LINK_NAMESPACE,
  MAIN_CHANNEL,
  REMOTE_ROLES,
  type LinkAuth,
  type RelayToVenueEvents,
  type RemoteRole,
  type RemoteGrant,
  type VenueLinkState,
  type VenueToRelayEvents,
} from '../../shared/contract/relay';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import { OffsetEstimate } from '../../shared/time/offset-estimate';
import type { ChannelMirror } from './channel-mirror';
import type { RelayCluster } from './cluster';
import { keyForToken } from '../server/tokens';

type LinkSocket = Socket<VenueToRelayEvents, RelayToVenueEvents, Record<string, never>, { channel: string }>;

/** The relay's clock: monotonic, so that adjusting the VPS's clock cannot jump the views. */
export const relayNow = (): number => performance.timeOrigin + performance.now();

/** How often the relay asks the venue's time; each answer also proves the link alive. */
const TIME_EVERY_MS = 1000;
/** No answer from the venue for this long and the link counts as lost (remote views say so within 3 s). */
export const VENUE_SILENCE_MS = 2000;
/** How often silence is looked for: lost is noticed at most this long after the limit. */
const WATCH_EVERY_MS = 250;
/** A remote command the venue has not answered in this long is reported as timed out. */
const COMMAND_TIMEOUT_MS = 5000;

const CHANNEL_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TOKEN = /^[A-Za-z0-9_\-.~]{8,200}$/;

export interface VenueLinks {
  /** The remote tokens the channel's venue sent; null until a venue has linked since the relay started. */
  tokens(channel: string): RemoteGrant | null;
  /**
   * The channel whose remote tokens include `token` (a venue's rooms are channels, each with its own
   * tokens: the token picks the room); null when none does.
   */
  channelOf(token: string): string | null;
  /** Every channel a venue has linked since the relay started (with a cluster, through any process). */
  channels(): string[];
  state(channel: string): VenueLinkState;
  /** The relay's estimate of the venue's clock now (the relay's own until the first answer). */
  venueNow(channel: string): number;
  /** Sends a remote person's command to the venue; never throws, and says so when nothing was sent. */
  forward(channel: string, command: unknown, role: RemoteRole): Promise<CommandAck>;
  /** Asks the channel's venue for a fresh snapshot (the mirror missed a revision). */
  resync(channel: string): void;
}

export interface VenueLinkOptions {
  key: string;
  publicUrl: () => string;
  mirror: ChannelMirror<Snapshot, StatePatch>;
  /** The venue's link came or went (or went silent). */
  onState: (channel: string, state: VenueLinkState) => void;
  /** New remote tokens for the channel: viewers whose token is no longer valid must go. */
  onTokens: (channel: string, tokens: RemoteGrant) => void;
  log: (line: string) => void;
  /** Other relay processes sharing the venues (`--redis`); absent: this process is the only one. */
  cluster?: RelayCluster;
}

function keyMatches(given: unknown, key: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function validTokens(value: unknown): RemoteGrant | null {
  if (typeof value !== 'object' || value === null) return null;
  const entries = REMOTE_ROLES.map((role) => [role, (value as Record<string, unknown>)[role] ?? null] as const);
  if (!entries.every(([, t]) => t === null || (typeof t === 'string' && TOKEN.test(t)))) return null;
  const off: unknown = (value as { off?: unknown }).off ?? [];
  if (!Array.isArray(off) || !off.every((r) => REMOTE_ROLES.includes(r as RemoteRole))) return null;
  return { ...(Object.fromEntries(entries) as Record<RemoteRole, string | null>), off: off as RemoteRole[] };
}

const hasRevision = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Number.isInteger((value as { revision?: unknown }).revision);

/**
 * The `/link` namespace: venues link here with the relay's key, one venue per channel (a newer
 * link replaces an older one, as a restarted venue's does). The venue feeds the mirror; the relay
 * measures the venue's clock and forwards remote commands to it.
 */
export function attachVenueLinks(io: Server, o: VenueLinkOptions): VenueLinks & { close(): void } {
  const venues = new Map<string, LinkSocket>();
  const tokens = new Map<string, RemoteGrant>();
  const clocks = new Map<string, OffsetEstimate>();
  const states = new Map<string, VenueLinkState>();
  const cluster = o.cluster;
  /** The channel's venue is linked to this process (not to another of the cluster). */
  const held = (channel: string) => venues.has(channel);
  const remote = (channel: string) => (held(channel) ? null : (cluster?.lastFact(channel) ?? null));
  const stateOf = (channel: string): VenueLinkState => {
    const fact = remote(channel);
    if (fact) return fact.fact.linked && relayNow() - fact.at <= VENUE_SILENCE_MS ? 'linked' : 'lost';
    return states.get(channel) ?? 'lost';
  };
  const tokensOf = (channel: string): RemoteGrant | null => remote(channel)?.fact.tokens ?? tokens.get(channel) ?? null;
  /** What this process's viewers were last told, per channel: each process tells its own. */
  const told = new Map<string, VenueLinkState>();
  const notify = (channel: string) => {
    const state = stateOf(channel);
    if ((told.get(channel) ?? 'lost') === state) return;
    told.set(channel, state);
    o.onState(channel, state);
  };
  const announce = (channel: string, taken = false) => {
    if (!cluster || !held(channel)) return;
    cluster.announce(channel, { linked: states.get(channel) === 'linked', tokens: tokens.get(channel) ?? null, offsetMs: clocks.get(channel)?.offsetMs() ?? 0, taken });
  };
  const setState = (channel: string, state: VenueLinkState) => {
    if ((states.get(channel) ?? 'lost') === state) return;
    states.set(channel, state);
    if (state === 'lost') o.mirror.sourceLost(channel);
    announce(channel);
    notify(channel);
  };
  const remoteTokens = new Map<string, string>();
  cluster?.onFact((channel, fact) => {
    const venue = venues.get(channel);
    if (fact.taken && venue) {
      // The venue linked again through another process (this link is a dead one, or a second venue's): that one wins.
      o.log(`Rostrum relay: venue link on channel "${channel}" taken over by another relay process`);
      // Let go quietly: announcing "lost" now would contradict the new holder's "linked" elsewhere.
      venues.delete(channel);
      states.set(channel, 'lost');
      o.mirror.sourceLost(channel);
      venue.disconnect(true);
    }
    const seen = JSON.stringify(fact.tokens);
    if (fact.tokens && remoteTokens.get(channel) !== seen) {
      remoteTokens.set(channel, seen);
      o.onTokens(channel, fact.tokens);
    }
    notify(channel);
  });
  // Another process's link counts as lost when it has gone silent (that process died, say).
  const clusterWatch = cluster
    ? setInterval(() => {
        for (const channel of new Set([...told.keys(), MAIN_CHANNEL])) notify(channel);
      }, WATCH_EVERY_MS)
    : null;

  const nsp = io.of(LINK_NAMESPACE);
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth as Partial<LinkAuth>;
    const from = socket.handshake.address;
    if (typeof auth.channel !== 'string' || !CHANNEL_ID.test(auth.channel)) return next(new Error('invalid: the channel id is missing or malformed'));
    if (!keyMatches(auth.key, o.key)) {
      o.log(`Rostrum relay: refused a venue link from ${from}: the link key is not valid`);
      return next(new Error('refused: the link key is not valid'));
    }
    (socket as LinkSocket).data.channel = auth.channel;
    next();
  });

  nsp.on('connection', (raw) => {
    const socket = raw as LinkSocket;
    const { channel } = socket.data;
    const previous = venues.get(channel);
    venues.set(channel, socket);
    if (previous) previous.disconnect(true);
    clocks.set(channel, new OffsetEstimate());
    o.log(`Rostrum relay: venue linked on channel "${channel}" from ${socket.handshake.address}`);
    told.set(channel, told.get(channel) ?? 'lost');
    announce(channel, true);
    socket.emit('link:welcome', { publicUrl: o.publicUrl() });

    let heardAt = relayNow();
    const current = () => venues.get(channel) === socket;
    socket.on('link:tokens', (value) => {
      const valid = validTokens(value);
      if (!valid || !current()) return;
      tokens.set(channel, valid);
      o.onTokens(channel, valid);
      announce(channel);
    });
    socket.on('link:snapshot', (snapshot) => {
      if (!hasRevision(snapshot) || !current()) return;
      heardAt = relayNow();
      o.mirror.snapshot(channel, snapshot);
      setState(channel, 'linked');
    });
    socket.on('link:patch', (patch) => {
      if (!hasRevision(patch) || !current()) return;
      heardAt = relayNow();
      o.mirror.patch(channel, patch);
    });
    socket.on('link:ping', (ack) => {
      if (typeof ack === 'function') ack();
    });

    const watcher = setInterval(() => {
      if (current() && relayNow() - heardAt > VENUE_SILENCE_MS) setState(channel, 'lost');
    }, WATCH_EVERY_MS);
    const timer = setInterval(() => {
      if (!current()) return;
      const sentAt = relayNow();
      socket.timeout(VENUE_SILENCE_MS).emit('link:time', (err: Error | null, venueTime: number) => {
        if (err || !current()) return;
        const receivedAt = relayNow();
        heardAt = receivedAt;
        clocks.get(channel)?.add(sentAt, venueTime, receivedAt);
        if (o.mirror.latest(channel) !== null) setState(channel, 'linked');
        // Once a second: the other processes' proof that this link lives, and the venue clock's offset.
        announce(channel);
      });
    }, TIME_EVERY_MS);

    socket.on('disconnect', (reason) => {
      clearInterval(timer);
      clearInterval(watcher);
      if (!current()) return;
      o.log(`Rostrum relay: venue link on channel "${channel}" lost (${reason})`);
      setState(channel, 'lost');
      venues.delete(channel);
      notify(channel);
    });
  });

  const forwardHere = (input: unknown, role: RemoteRole, venue: LinkSocket): Promise<CommandAck> =>
    new Promise((resolve) => {
      venue.timeout(COMMAND_TIMEOUT_MS).emit('link:command', input as CommandInput, role, (err: Error | null, ack: CommandAck) => {
        if (err) resolve({ ok: false, error: apiError('timeout', 'the venue did not answer in time: the command may or may not have reached it') });
        else resolve(ack);
      });
    });
  const unavailable = (): CommandAck => ({ ok: false, error: apiError('venue-unavailable', 'the venue is not linked to this relay right now: nothing was sent') });
  cluster?.serveForwards(({ channel, command, role }) => {
    const venue = venues.get(channel);
    if (!venue) return null;
    return states.get(channel) === 'linked' ? forwardHere(command, role, venue) : Promise.resolve(unavailable());
  });

  const knownChannels = (): string[] => [...new Set([...tokens.keys(), ...states.keys(), ...(cluster?.channels() ?? [])])];

  return {
    tokens: tokensOf,
    channelOf: (token) => {
      let found: string | null = null;
      // Every channel looked at (no early return), each compared in constant time.
      for (const channel of knownChannels()) {
        const grant = tokensOf(channel);
        if (grant && keyForToken(grant, REMOTE_ROLES, token) !== null) found ??= channel;
      }
      return found;
    },
    channels: knownChannels,
    state: stateOf,
    venueNow: (channel) => relayNow() + (remote(channel)?.fact.offsetMs ?? clocks.get(channel)?.offsetMs() ?? 0),
    forward: (channel, input, role) => {
      // Checked against the contract here too (the venue checks again): what goes up the link is a
      // well-formed command, never a hostile shape (a 50,000-deep array would overflow the encoder).
      // The input goes up as it came, not the parsed value: the venue parses it once, as from anyone.
      const validated = validateCommand(input);
      if (!validated.ok) return Promise.resolve({ ok: false, error: validated.error });
      const venue = venues.get(channel);
      if (venue) return states.get(channel) === 'linked' ? forwardHere(input, role, venue) : Promise.resolve(unavailable());
      if (!cluster || stateOf(channel) !== 'linked') return Promise.resolve(unavailable());
      // Held by another process: it gets the command through Redis (and checks the MAC of it).
      return cluster.forward({ channel, command: input, role }).then(
        (ack) => ack ?? { ok: false, error: apiError('venue-unavailable', 'no relay process holds the venue link right now: nothing was sent') },
      );
    },
    resync: (channel) => void venues.get(channel)?.emit('link:resync'),
    close: () => {
      if (clusterWatch) clearInterval(clusterWatch);
      for (const venue of venues.values()) venue.disconnect(true);
    },
  };
}
