import { createSocket, type Socket } from 'node:dgram';
import { Message, encode } from 'node-osc';
import type { RostrumState } from '../../shared/contract/state';
import type { RostrumCore } from '../server/core';
import { controlSummary, remainingSeconds } from '../server/control-actions';
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

/**
 * Sends the state to an OSC receiver (a Companion button, a desk): all of it on every change,
 * and `/rostrum/state/remaining` once a second while the clock runs — never more often, and no
 * timer at all while it is not running.
 */
export function startOscFeedback(o: OscFeedbackOptions): OscFeedback {
  const problems = new RateLimitedLog(o.log, Date.now);
  const socket: Socket | null = o.emit ? null : createSocket({ type: 'udp4' });
  socket?.on('error', (error) => problems.log('feedback error', error.message));
  const tickMs = o.tickMs ?? 1000;
  let timer: ReturnType<typeof setInterval> | null = null;
  let closed = false;
  let lastPhase = '';

  const send = (address: string, ...args: (string | number)[]) => {
    if (closed) return;
    if (!socket) return o.emit?.(address, args);
    const packet = encode(new Message(address, ...args));
    socket.send(packet, o.target.port, o.target.host, (error) => {
      if (error) problems.log('feedback error', error.message);
    });
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
    const running = state.clock.status === 'running';
    if (running && timer === null) {
      timer = setInterval(() => sendRemaining(o.core.state), tickMs);
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
