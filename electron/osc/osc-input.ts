import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { decode } from 'node-osc';
import type { RostrumCore } from '../server/core';
import { commandFor } from '../../shared/control/command-for';
import { oscRoom, oscToAction } from './osc-map';
import { FairInbox } from '../server/fair-inbox';
import { DEFAULT_RATE_LIMIT, KeyedBuckets, type RateLimit } from '../server/rate-limit';
import { RateLimitedLog } from './rate-limited-log';

export interface OscInputOptions {
  core: RostrumCore;
  /** Rooms (#18): the core of `/rostrum/<roomId>/…`; absent: only today's addresses (`main`). */
  coreOf?: (room: string) => RostrumCore | undefined;
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1, or 0.0.0.0 in LAN mode. */
  host: string;
  /** Sender addresses accepted; null accepts any sender that can reach the bound address. */
  allow: readonly string[] | null;
  log: (line: string) => void;
  now?: () => number;
  /** Each sender's budget of messages, as a socket's (default rate-limit.ts). */
  rateLimit?: RateLimit;
}

export interface OscInput {
  port: number;
  close(): Promise<void>;
}

/** More messages than this in one packet (bundles) are ignored: a bound on work per packet. */
const MAX_MESSAGES_PER_PACKET = 32;
const MAX_BUNDLE_DEPTH = 4;

interface DecodedMessage {
  address: string;
  args: unknown[];
}

/** The messages of a decoded packet, flattening bundles; throws on a shape we do not expect. */
function messagesOf(packet: unknown, out: DecodedMessage[], depth = 0): DecodedMessage[] {
  if (packet === null || typeof packet !== 'object') throw new Error('not an OSC packet');
  const p = packet as { oscType?: unknown; address?: unknown; args?: unknown; elements?: unknown };
  if (p.oscType === 'bundle') {
    if (depth >= MAX_BUNDLE_DEPTH || !Array.isArray(p.elements)) throw new Error('bundle nested too deep');
    for (const element of p.elements) messagesOf(element, out, depth + 1);
  } else if (typeof p.address === 'string' && Array.isArray(p.args)) {
    out.push({ address: p.address, args: p.args });
  } else {
    throw new Error('not an OSC message');
  }
  if (out.length > MAX_MESSAGES_PER_PACKET) throw new Error(`more than ${MAX_MESSAGES_PER_PACKET} messages in one packet`);
  return out;
}

const normalise = (address: string): string => address.replace(/^::ffff:/, '');

/**
 * OSC over UDP (docs/control.md): each message becomes a command run by the core with the control
 * role — the same validation, checks, persistence and broadcast as any console click. Anything
 * malformed, unknown or refused is logged (rate-limited per kind) and ignored.
 */
export function startOscInput(o: OscInputOptions): Promise<OscInput> {
  const problems = new RateLimitedLog(o.log, o.now ?? Date.now);
  const allowed = o.allow === null ? null : new Set(o.allow.map(normalise));
  // A flood of OSC must not hold the event loop any more than a socket can: each sender address
  // gets a socket's budget; messages over it are dropped (and logged, rate-limited) before decoding.
  const limit = o.rateLimit ?? DEFAULT_RATE_LIMIT;
  const budgets = new KeyedBuckets(limit);
  // And, as a socket's, the commands within it run a few per turn of the event loop (the kernel
  // hands over up to 32 datagrams at once): a burst cannot hold up the other clients' I/O.
  const inbox = new FairInbox();
  const socket: Socket = createSocket({ type: 'udp4' });

  const onPacket = (buffer: Buffer, from: RemoteInfo) => {
    if (allowed !== null && !allowed.has(normalise(from.address))) {
      problems.log('sender not allowed', `ignored a packet from ${from.address} (not on the OSC allow list)`);
      return;
    }
    if (!budgets.take(normalise(from.address))) {
      problems.log('rate-limited', `ignored messages from ${from.address}: at most ${limit.perSecond} a second from one sender`);
      return;
    }
    let messages: DecodedMessage[];
    try {
      messages = messagesOf(decode(buffer), []);
    } catch (error) {
      problems.log('malformed packet', `ignored ${buffer.length} bytes from ${from.address}: ${String((error as Error)?.message ?? error).slice(0, 120)}`);
      return;
    }
    for (const [i, message] of messages.entries()) {
      // The packet's first message was counted above; each further one in a bundle counts too.
      if (i > 0 && !budgets.take(normalise(from.address))) {
        problems.log('rate-limited', `ignored messages from ${from.address}: at most ${limit.perSecond} a second from one sender`);
        return;
      }
      const routed = oscRoom(message.address);
      const core = routed.room === null ? o.core : o.coreOf?.(routed.room);
      if (!core) {
        problems.log('unknown-address', `unknown address ${message.address.slice(0, 80)} (no room "${routed.room!.slice(0, 40)}")`);
        continue;
      }
      const mapped = oscToAction(routed.address, message.args);
      if (!mapped.ok) {
        problems.log(mapped.kind, mapped.message);
        continue;
      }
      const action = mapped.action;
      // Built from the state it runs against (a toggle pauses what is running then), in order.
      inbox.run(() =>
        guarded(() => {
          const built = commandFor(action, core.state);
          const ack = built.ok ? core.execute(built.command, 'control') : { ok: false as const, error: built.error };
          if (!ack.ok) problems.log(`refused (${ack.error.code})`, `${message.address}: ${ack.error.message}`);
        }),
      );
    }
  };

  /** Never let one packet take the server down. */
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      problems.log('internal error', String((error as Error)?.message ?? error).slice(0, 200));
    }
  };

  socket.on('message', (buffer, from) => guarded(() => onPacket(buffer, from)));

  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(o.port, o.host, () => {
      socket.off('error', reject);
      socket.on('error', (error) => problems.log('socket error', error.message));
      resolve({
        port: socket.address().port,
        close: () =>
          new Promise((r) => {
            inbox.close();
            socket.close(() => r());
          }),
      });
    });
  });
}
