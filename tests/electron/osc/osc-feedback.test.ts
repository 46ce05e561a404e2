import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState } from '../../../electron/engine/initial-state';
import { Message, encode } from 'node-osc';
import { oscNumber, startOscFeedback, type OscFeedback } from '../../../electron/osc/osc-feedback';
import type { StateStore } from '../../../electron/persistence/state-store';
import { RostrumCore } from '../../../electron/server/core';
import type { RostrumState } from '../../../shared/contract/state';
import { instant, type Instant } from '../../../shared/time/instant';
import { T0, loadSample, makeClock } from '../../builders';

const memoryStore = (): StateStore => ({ path: '/memory/state.json', load: () => undefined, save: (_s: RostrumState) => undefined });

describe('OSC feedback', () => {
  let now: Instant;
  let core: RostrumCore;
  let sent: { address: string; args: (string | number)[] }[];
  let feedback: OscFeedback;
  const remaining = () => sent.filter((m) => m.address === '/rostrum/state/remaining').map((m) => m.args);
  const advance = (ms: number) => {
    now = instant(now + ms);
    vi.advanceTimersByTime(ms);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    now = T0;
    core = new RostrumCore(initialState(loadSample(), 1), memoryStore(), { now: () => now });
    sent = [];
    feedback = startOscFeedback({ core, target: { host: '127.0.0.1', port: 9 }, log: () => {}, emit: (address, args) => sent.push({ address, args }) });
  });
  afterEach(async () => {
    await feedback.close();
    vi.useRealTimers();
  });

  it('sends status, phase, current and remaining at start-up and on every change', () => {
    expect(sent.map((m) => m.address)).toEqual([
      '/rostrum/state/status',
      '/rostrum/state/phase',
      '/rostrum/state/current',
      '/rostrum/state/remaining',
      ...[1, 2].flatMap((id) => [`/rostrum/state/aux/${id}/status`, `/rostrum/state/aux/${id}/time`, `/rostrum/state/aux/${id}/label`]),
    ]);
    expect(sent[0]!.args).toEqual(['idle']);
    expect(sent[2]!.args).toEqual(['open-local-gov', 'Welcoming remarks', 'Local government representative']);
    expect(sent[3]!.args).toEqual([420, '7:00']);
    sent = [];
    core.execute({ type: 'goto', itemId: 'open-lee' }, 'control');
    expect(sent.find((m) => m.address === '/rostrum/state/current')?.args).toEqual(['open-lee', 'Opening remarks', 'LEE Chang-Hee']);
  });

  it('ticks the remaining seconds once a second only while running', () => {
    advance(5000);
    expect(remaining()).toHaveLength(1); // idle: no timer
    core.execute({ type: 'start' }, 'control');
    expect(remaining()).toHaveLength(2);
    advance(999);
    expect(remaining()).toHaveLength(2);
    advance(1);
    expect(remaining().at(-1)).toEqual([419, '6:59']);
    advance(2000);
    expect(remaining()).toHaveLength(5);
    expect(remaining().at(-1)).toEqual([417, '6:57']);
    core.execute({ type: 'pause' }, 'control');
    const paused = remaining().length;
    advance(10_000);
    expect(remaining()).toHaveLength(paused);
  });

  it('reports the phase when time alone moves it on, and overtime as negative seconds', () => {
    core.execute({ type: 'adjust', seconds: -418 }, 'control'); // 2 s left
    core.execute({ type: 'start' }, 'control');
    advance(3000);
    expect(remaining().at(-1)).toEqual([-1, '+0:01']);
    expect(sent.filter((m) => m.address === '/rostrum/state/phase').at(-1)?.args).toEqual(['overtime']);
  });

  it('sends the extra timers at start-up and when they change, and each running one\'s time once a second', () => {
    const aux = (id: number, what: string) => sent.filter((m) => m.address === `/rostrum/state/aux/${id}/${what}`).map((m) => m.args);
    expect([aux(1, 'status'), aux(1, 'time'), aux(1, 'label')]).toEqual([[['idle', 'down']], [[300, '5:00']], [['']]]);
    sent = [];
    core.execute({ type: 'goto', itemId: 'open-lee' }, 'control');
    expect(sent.filter((m) => m.address.startsWith('/rostrum/state/aux/'))).toEqual([]); // unchanged: not sent again
    core.execute({ type: 'aux.set', timerId: 2, durationSec: 0, direction: 'up', label: 'Q&A' }, 'control');
    expect([aux(2, 'status'), aux(2, 'time'), aux(2, 'label')]).toEqual([[['idle', 'up']], [[0, '0:00']], [['Q&A']]]);
    core.execute({ type: 'aux.start', timerId: 2 }, 'control');
    sent = [];
    for (let i = 0; i < 3; i += 1) advance(1000);
    // Only the running extra timer ticks; the main clock (idle) stays quiet.
    expect(aux(2, 'time')).toEqual([[1, '0:01'], [2, '0:02'], [3, '0:03']]);
    expect(aux(1, 'time')).toEqual([]);
    expect(remaining()).toEqual([]);
    core.execute({ type: 'aux.pause', timerId: 2 }, 'control');
    expect(aux(2, 'status').at(-1)).toEqual(['paused', 'up']);
    sent = [];
    advance(5000);
    expect(sent).toEqual([]);
  });

  it('osc-int-overflow: a clock with time beyond 32 bits sends clamped integers instead of failing', async () => {
    await feedback.close();
    // More time added than 32-bit seconds can hold (the state schema refuses this on load; feedback must not depend on it).
    const state = initialState(loadSample(), 1);
    const far = { ...state, clock: makeClock({ ...state.clock, addedMs: 1e300 }) };
    core = new RostrumCore(far, memoryStore(), { now: () => now });
    sent = [];
    feedback = startOscFeedback({ core, target: { host: '127.0.0.1', port: 9 }, log: () => {}, emit: (address, args) => sent.push({ address, args }) });
    const [seconds] = remaining().at(-1)!;
    expect(seconds).toBe(2 ** 31 - 1);
    // What node-osc would have refused to encode (and so stopped the start) now encodes.
    for (const m of sent) expect(() => encode(new Message(m.address, ...m.args))).not.toThrow();
  });
});

describe('oscNumber', () => {
  it('clamps integers to 32 bits, keeps fractions, and turns NaN into 0', () => {
    expect([oscNumber(1e300), oscNumber(-1e300), oscNumber(Infinity), oscNumber(NaN), oscNumber(42), oscNumber(0.5)]).toEqual([2 ** 31 - 1, -(2 ** 31), 2 ** 31 - 1, 0, 42, 0.5]);
  });
});
