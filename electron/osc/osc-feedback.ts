import { MAIN_ROOM } from '../../shared/contract/rooms';
import type { RostrumState } from '../../shared/contract/state';
import type { RostrumCore } from '../server/core';
import { controlSummary, remainingSeconds } from '../server/control-actions';
import { AUX_TIMER_IDS, type AuxTimers } from '../../shared/timing/timing-state';
import { anyAuxRunning, auxMessages, auxTimeMessage } from './aux-feedback';
import { createOscSender, type OscTarget } from './osc-sender';

export type { OscTarget } from './osc-sender';

/** Where a room's feedback is sent: `/rostrum` for `main` (today's addresses), `/rostrum/<roomId>` for the others. */
export const feedbackPrefix = (room: string): string => (room === MAIN_ROOM ? '/rostrum' : `/rostrum/${room}`);

export interface OscFeedbackOptions {
  core: RostrumCore;
  target: OscTarget;
  log: (line: string) => void;
  /** The remaining-time tick while running; 1000 ms (at most once a second). */
  tickMs?: number;
  /** What the addresses start with (feedbackPrefix); `/rostrum`, today's, by default. */
  prefix?: string;
  /** Sends the messages elsewhere than a socket of its own: the rooms' shared sender, or a test. */
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
  const sender = o.emit ? null : createOscSender(o.target, o.log);
  const emit = o.emit ?? ((address: string, args: (string | number)[]) => sender?.send(address, args));
  const prefix = o.prefix ?? feedbackPrefix(MAIN_ROOM);
  const tickMs = o.tickMs ?? 1000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let closed = false;
  let lastPhase = '';
  let lastAux: AuxTimers | null = null;

  const send = (address: string, ...given: (string | number)[]) => {
    if (closed) return;
    emit(address, given.map((a) => (typeof a === 'number' ? oscNumber(a) : a)));
  };

  const tick = (state: RostrumState) => {
    if (state.clock.status === 'running') sendRemaining(state);
    const now = o.core.clock.now();
    for (const id of AUX_TIMER_IDS) {
      if (state.aux[`${id}`].status !== 'running') continue;
      const m = auxTimeMessage(state.aux, id, now, prefix);
      send(m.address, ...m.args);
    }
  };

  const sendRemaining = (state: RostrumState) => {
    const s = controlSummary(state, o.core.clock.now());
    // The phase moves on with time alone (warning, danger, overtime): say so when it does.
    if (s.phase !== lastPhase) send(`${prefix}/state/phase`, (lastPhase = s.phase));
    send(`${prefix}/state/remaining`, remainingSeconds(s.remaining.ms), s.remaining.text);
  };

  const sendAll = (state: RostrumState) => {
    const s = controlSummary(state, o.core.clock.now());
    send(`${prefix}/state/status`, s.status);
    send(`${prefix}/state/phase`, (lastPhase = s.phase));
    send(`${prefix}/state/current`, s.current?.id ?? '', s.current?.title ?? '', s.current?.speaker ?? '');
    send(`${prefix}/state/remaining`, remainingSeconds(s.remaining.ms), s.remaining.text);
    // The state is immutable: an unchanged `aux` is the same object, and is not sent again.
    if (state.aux !== lastAux) {
      lastAux = state.aux;
      for (const m of auxMessages(state.aux, o.core.clock.now(), prefix)) send(m.address, ...m.args);
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
      return sender ? sender.close() : Promise.resolve();
    },
  };
}
