import type { AuxVerb, Intent } from '../../shared/control/command-for';
import { RESERVED_ROOM_IDS } from '../../shared/contract/rooms';
import { OSC_PREFIX } from '../../shared/contract/osc-addresses';

/** One decoded OSC argument: node-osc gives `{ value }` objects; plain values are accepted too. */
export type OscArg = string | number | boolean | null | Uint8Array | { value: unknown };

export type OscMapping = { ok: true; action: Intent } | { ok: false; kind: 'unknown-address' | 'bad-arguments'; message: string };

export { OSC_PREFIX };

const valueOf = (arg: unknown): unknown =>
  arg !== null && typeof arg === 'object' && !(arg instanceof Uint8Array) && 'value' in arg ? (arg as { value: unknown }).value : arg;

const bad = (message: string): OscMapping => ({ ok: false, kind: 'bad-arguments', message });

/** An optional trailing string: the item the sender expects to be current (skip-proof repeats). */
function optionalExpected(args: unknown[], address: string): { ok: true; expected?: string } | { ok: false; message: string } {
  if (args.length === 0) return { ok: true };
  const v = args[0];
  if (args.length === 1 && typeof v === 'string' && v !== '') return { ok: true, expected: v };
  return { ok: false, message: `${address}: takes no argument or the expected item id (string)` };
}

/**
 * OSC address + arguments → a control action. Pure; the caller turns the action into a command
 * (`commandForAction`) and runs it through the core. Documented in docs/control.md.
 */
export function oscToAction(address: string, rawArgs: readonly unknown[]): OscMapping {
  const args = rawArgs.map(valueOf);
  switch (address) {
    case '/rostrum/start':
    case '/rostrum/pause':
    case '/rostrum/toggle':
    case '/rostrum/next':
    case '/rostrum/previous': {
      const e = optionalExpected(args, address);
      if (!e.ok) return bad(e.message);
      const kind = address.slice(OSC_PREFIX.length) as 'start' | 'pause' | 'toggle' | 'next' | 'previous';
      return { ok: true, action: { kind, ...(e.expected === undefined ? {} : { expected: e.expected }) } };
    }
    case '/rostrum/goto': {
      const [target, ...rest] = args;
      const e = optionalExpected(rest, address);
      if (!e.ok) return bad(e.message);
      const expected = e.expected === undefined ? {} : { expected: e.expected };
      if (typeof target === 'string' && target !== '') {
        // A number sent as a string ("3") is still an index: text-only senders can use it.
        if (/^\d{1,6}$/.test(target)) return { ok: true, action: { kind: 'goto-index', index: Number(target), ...expected } };
        return { ok: true, action: { kind: 'goto', itemId: target, ...expected } };
      }
      if (typeof target === 'number' && Number.isInteger(target) && target >= 1) {
        return { ok: true, action: { kind: 'goto-index', index: target, ...expected } };
      }
      return bad(`${address}: needs an item id (string) or a 1-based index (int)`);
    }
    case '/rostrum/adjust': {
      const [seconds, ...rest] = args;
      const e = optionalExpected(rest, address);
      if (!e.ok) return bad(e.message);
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return bad(`${address}: needs seconds (int or float)`);
      const rounded = Math.round(seconds);
      if (rounded === 0) return bad(`${address}: ${seconds} rounds to zero seconds`);
      return { ok: true, action: { kind: 'adjust', seconds: rounded, ...(e.expected === undefined ? {} : { expected: e.expected }) } };
    }
    case '/rostrum/message/speaker': {
      const [text, flash] = args;
      if (typeof text !== 'string' || args.length > 2) return bad(`${address}: needs the text (string) and optionally flash (int 0/1)`);
      if (flash !== undefined && typeof flash !== 'number' && typeof flash !== 'boolean') return bad(`${address}: flash must be an int 0/1`);
      return { ok: true, action: { kind: 'message.speaker', text, flash: flash === true || (typeof flash === 'number' && flash !== 0) } };
    }
    case '/rostrum/aux/start':
    case '/rostrum/aux/pause':
    case '/rostrum/aux/reset': {
      const [timerId] = args;
      if (args.length !== 1 || (timerId !== 1 && timerId !== 2)) return bad(`${address}: needs the timer id (int 1 or 2)`);
      return { ok: true, action: { kind: 'aux', verb: address.slice('/rostrum/aux/'.length) as AuxVerb, timerId } };
    }
    case '/rostrum/hold':
    case '/rostrum/release': {
      const [sessionId] = args;
      if (args.length > 1 || (args.length === 1 && (typeof sessionId !== 'string' || sessionId === ''))) {
        return bad(`${address}: takes no argument or the session id (string)`);
      }
      const kind = address === '/rostrum/hold' ? 'hold' : 'release';
      return { ok: true, action: { kind, ...(typeof sessionId === 'string' ? { sessionId } : {}) } };
    }
    case '/rostrum/message/clear':
      if (args.length > 0) return bad(`${address}: takes no argument`);
      return { ok: true, action: { kind: 'message.clear' } };
    case '/rostrum/lower-third/show':
    case '/rostrum/lower-third/hide':
      if (args.length > 0) return bad(`${address}: takes no argument`);
      return { ok: true, action: { kind: address === '/rostrum/lower-third/show' ? 'lower-third.show' : 'lower-third.hide' } };
    default:
      return { ok: false, kind: 'unknown-address', message: `unknown address ${address.slice(0, 80)}` };
  }
}

/** The first words of today's addresses: `/rostrum/<word>…` addresses `main` (a room may not take one as its id). */
export const OSC_WORDS = RESERVED_ROOM_IDS;

/**
 * Rooms (#18): `/rostrum/<roomId>/next` and the rest address room <roomId>, beside today's
 * addresses, which address `main`. Returns the room and today's address for it.
 */
export function oscRoom(address: string): { room: string | null; address: string } {
  if (!address.startsWith(OSC_PREFIX)) return { room: null, address };
  const rest = address.slice(OSC_PREFIX.length);
  const slash = rest.indexOf('/');
  const first = slash < 0 ? rest : rest.slice(0, slash);
  if (slash < 0 || OSC_WORDS.includes(first)) return { room: null, address };
  return { room: first, address: `${OSC_PREFIX}${rest.slice(slash + 1)}` };
}
