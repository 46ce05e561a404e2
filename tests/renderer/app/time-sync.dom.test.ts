import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RostrumSocket } from '../../../renderer/app/socket-types';

/**
 * The ping loop (renderer/app/time-sync.ts) against a socket that answers when the test says so:
 * a stand-in for socket.io-client's socket (a library, not our code), with fake timers.
 */
class FakeSocket {
  connected = true;
  closes = 0;
  /** Pings waiting for an answer: the client's send time and the ack. */
  pings: { sentAt: number; ack: (err: Error | null, pong?: { clientSentAt: number; serverTime: number }) => void }[] = [];
  private readonly handlers = new Map<string, () => void>();
  io = { engine: { close: () => void (this.closes += 1) } };
  on(event: string, handler: () => void) {
    this.handlers.set(event, handler);
  }
  off(event: string) {
    this.handlers.delete(event);
  }
  timeout() {
    return { emit: (_event: 'time:ping', sentAt: number, ack: FakeSocket['pings'][number]['ack']) => void this.pings.push({ sentAt, ack }) };
  }
  fire(event: 'connect' | 'disconnect') {
    this.connected = event === 'connect';
    this.handlers.get(event)?.();
  }
  /** Answers every waiting ping as a server whose clock is `skewMs` ahead of ours. */
  answer(skewMs: number) {
    for (const p of this.pings.splice(0)) p.ack(null, { clientSentAt: p.sentAt, serverTime: p.sentAt + skewMs });
  }
}

let stop: (() => void) | null = null;

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  // Just what the loop reads of the page: visibility and its event.
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});
afterEach(() => {
  stop?.();
  stop = null;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function start(socket: FakeSocket) {
  const { startTimeSync, SILENCE_LIMIT_MS, RECONNECT_AFTER_MS } = await import('../../../renderer/app/time-sync');
  const clock = await import('../../../renderer/app/server-clock');
  const alive: boolean[] = [];
  stop = startTimeSync(socket as unknown as RostrumSocket, (a) => alive.push(a));
  return { alive, clock, SILENCE_LIMIT_MS, RECONNECT_AFTER_MS };
}

describe('time sync', () => {
  it('pings at once and every second; each answer sets the server clock estimate', async () => {
    const socket = new FakeSocket();
    const { alive, clock } = await start(socket);
    expect(socket.pings).toHaveLength(1);
    expect(alive).toEqual([true]);
    socket.answer(3_700);
    expect(clock.serverNow() - clock.localNow()).toBeCloseTo(3_700, 6);
    vi.advanceTimersByTime(3_000);
    expect(socket.pings).toHaveLength(3);
  });

  it('shows the link offline after two silent seconds, and online again at the next answer', async () => {
    const socket = new FakeSocket();
    const { alive, SILENCE_LIMIT_MS } = await start(socket);
    socket.answer(0);
    vi.advanceTimersByTime(SILENCE_LIMIT_MS - 300);
    expect(alive).toEqual([true]);
    vi.advanceTimersByTime(600);
    expect(alive).toEqual([true, false]);
    socket.answer(0);
    expect(alive).toEqual([true, false, true]);
  });

  it('drops a connection that stays silent while "open", so socket.io makes a new one', async () => {
    const socket = new FakeSocket();
    const { RECONNECT_AFTER_MS } = await start(socket);
    socket.answer(0);
    vi.advanceTimersByTime(RECONNECT_AFTER_MS - 300);
    expect(socket.closes).toBe(0);
    vi.advanceTimersByTime(600);
    expect(socket.closes).toBe(1);
    // The attempt counts as heard: it gets its own time before the next close.
    vi.advanceTimersByTime(RECONNECT_AFTER_MS - 600);
    expect(socket.closes).toBe(1);
  });

  it('is offline at once on disconnect, sends no pings while down, and pings again on connect', async () => {
    const socket = new FakeSocket();
    const { alive } = await start(socket);
    socket.answer(0);
    socket.fire('disconnect');
    expect(alive).toEqual([true, false]);
    vi.advanceTimersByTime(3_000);
    expect(socket.pings).toHaveLength(0);
    expect(socket.closes).toBe(0);
    socket.fire('connect');
    expect(alive).toEqual([true, false, true]);
    expect(socket.pings).toHaveLength(1);
  });
});
