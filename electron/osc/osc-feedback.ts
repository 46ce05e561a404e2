import { createSocket, type Socket } from 'node:dgram';
import { Message, encode } from 'node-osc';
import type { RostrumState } from '../../shared/contract/state';
import type { RostrumCore } from '../server/core';
import { controlSummary, remainingSeconds } from '../server/control-actions';
import { AUX_TIMER_IDS, type AuxTimers } from '../../shared/timing/timing-state';
import { anyAuxRunning, auxMessages, auxTimeMessage } from './aux-feedback';
import { RateLimitedLog } from './rate-limited-log';

export interface OscTarget {
  host: string;
  port: number;
}

export interface OscFeedbackOptions {
  core: RostrumCore;
  target: OscTarget;
  log: (line: string) => void;
  /** The remaining-time tick while running; 1000 ms (at most once a second). */
  tickMs?: number;
  /** Tests: receive the messages instead of sending them over UDP. */
  emit?: (address: string, args: (string | number)[]) => void;
}

export interface OscFeedback {
  close(): Promise<void>;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * OSC integers are 32-bit, and node-osc throws on a number outside that range. Feedback follows
 * the state, which a start must never fail on (issue 14 §4: a clock anchored in 2099 made the
 * remaining seconds overflow and stopped the server at start-up), so numbers are clamped to it.
 */
export function oscNumber(n: number): number {
  if (Number.isNaN(n)) return 0;
  if (!Number.isInteger(n) && Number.isFinite(n)) return n;
  return Math.min(INT32.max, Math.max(INT32.min, n));
}

/**
 * Sends the state to an OSC receiver (a Companion button, a desk): all of it on every change,
 * and `/rostrum/state/remaining` once a second while the clock runs — never more often, and no
 * timer at all while it is not running. The extra timers likewise: all of them at start-up and
 * whenever they change, and `/rostrum/state/aux/<id>/time` once a second for each one running.
 */
export function startOscFeedback(o: OscFeedbackOptions): OscFeedback {
  const problems = new RateLimitedLog(o.log, Date.now);
  const socket: Socket | null = o.emit ? null : createSocket({ type: 'udp4' });
  socket?.on('error', (error) => problems.log('feedback error', error.message));
  const tickMs = o.tickMs ?? 1000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let closed = false;
  let lastPhase = '';
  let lastAux: AuxTimers | null = null;

  const send = (address: string, ...given: (string | number)[]) => {
    if (closed) return;
    const args = given.map((a) => (typeof a === 'number' ? oscNumber(a) : a));
    if (!socket) return o.emit?.(address, args);
    const packet = encode(new Message(address, ...args));
    socket.send(packet, o.target.port, o.target.host, (error) => {
      if (error) problems.log('feedback error', error.message);
    });
  };

  const tick = (state: RostrumState) => {
    if (state.clock.status === 'running') sendRemaining(state);
    const now = o.core.clock.now();
    for (const id of AUX_TIMER_IDS) {
      if (state.aux[`${id}`].status !== 'running') continue;
      const m = auxTimeMessage(state.aux, id, now);
      send(m.address, ...m.args);
    }
  };

  const sendRemaining = (state: RostrumState) => {
    const s = controlSummary(state, o.core.clock.now());
    // The phase moves on with time alone (warning, danger, overtime): say so when it does.
    if (s.phase !== lastPhase) send('/rostrum/state/phase', (lastPhase = s.phase));
    send('/rostrum/state/remaining', remainingSeconds(s.remaining.ms), s.remaining.text);
  };

  const sendAll = (state: RostrumState) => {
    const s = controlSummary(state, o.core.clock.now());
    send('/rostrum/state/status', s.status);
    send('/rostrum/state/phase', (lastPhase = s.phase));
    send('/rostrum/state/current', s.current?.id ?? '', s.current?.title ?? '', s.current?.speaker ?? '');
    send('/rostrum/state/remaining', remainingSeconds(s.remaining.ms), s.remaining.text);
    // The state is immutable: an unchanged `aux` is the same object, and is not sent again.
    if (state.aux !== lastAux) {
      lastAux = state.aux;
      for (const m of auxMessages(state.aux, o.core.clock.now())) send(m.address, ...m.args);
    }
    const running = state.clock.status === 'running' || anyAuxRunning(state.aux);
    if (running && timer === null) {
      timer = setInterval(() => tick(o.core.state), tickMs);
      timer.unref();
    } else if (!running && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };

  const unsubscribe = o.core.onPatch((_patch, state) => sendAll(state));
  sendAll(o.core.state);

  return {
    close: () => {
      closed = true;
      unsubscribe();
      if (timer !== null) clearInterval(timer);
      timer = null;
      return new Promise((r) => (socket ? socket.close(() => r()) : r()));
    },
  };
}
