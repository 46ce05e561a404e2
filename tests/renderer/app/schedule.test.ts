import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePatch, makeSnapshot } from '../../../electron/server/snapshot';
import { projectNow, startSchedule, useSchedule } from '../../../renderer/app/schedule';
import { seedServerClock, serverNow } from '../../../renderer/app/server-clock';
import { receivePatch, receiveSnapshot, useRostrum } from '../../../renderer/app/store';
import type { CommandInput } from '../../../shared/contract/commands';
import type { RostrumState } from '../../../shared/contract/state';
import { projectSchedule } from '../../../shared/schedule/projection';
import { projectedStartAt } from '../../../shared/schedule/projection-changes';
import type { Instant } from '../../../shared/time/instant';
import { MINUTE, SECOND, at, loadSample } from '../../builders';
import { fresh, send } from '../../electron/engine/engine-builders';

/**
 * The display's one projection (renderer/app/schedule.ts), driven as a display drives it: a
 * snapshot, then the server's patches, with the server clock estimated from the snapshot and time
 * passing on fake timers.
 */
const sample = loadSample();
let state: RostrumState;
let stop: (() => void) | null = null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
  stop?.();
  stop = null;
  useRostrum.setState({ snapshot: null });
  projectNow();
  vi.useRealTimers();
});

function begin(s: RostrumState, now: Instant): void {
  state = s;
  seedServerClock(now);
  receiveSnapshot(makeSnapshot(s, now));
  stop = startSchedule();
}

/** The server accepts a command now; the display gets its patch. */
function command(input: CommandInput): void {
  const now = serverNow();
  const next = send(state, input, now);
  expect(receivePatch(makePatch(state, next, now))).toBe('applied');
  state = next;
}

const store = () => useSchedule.getState();

describe('the display projection', () => {
  it('projects the snapshot, and again when the clock changes', () => {
    begin(fresh(sample), at('13:50'));
    expect(store().schedule).toEqual(projectSchedule(state, at('13:50')));
    vi.advanceTimersByTime(15 * MINUTE);
    // The first speaker starts 5 minutes late.
    command({ type: 'start' });
    expect(store().schedule).toEqual(projectSchedule(state, serverNow()));
    expect(store().schedule?.driftMs).toBe(3 * MINUTE);
  });

  it('stands still while the item runs: projected again only when it starts to overrun', () => {
    begin(fresh(sample), at('14:00'));
    command({ type: 'start' });
    const first = store().schedule!;
    expect(store().ahead).toBeNull();
    const end = first.items[0]!.projectedEnd!;
    // Looked at again at most once a minute (the clock estimate may move), never every second…
    expect(projectNow()).toBe(MINUTE);
    vi.advanceTimersByTime(end - serverNow() - 30 * SECOND);
    expect(store().schedule).toBe(first);
    // …and just past the item's projected end, when it starts to overrun.
    expect(projectNow()).toBe(30 * SECOND + 1);
    vi.advanceTimersByTime(29 * SECOND);
    expect(store().schedule).toBe(first);
    vi.advanceTimersByTime(2 * SECOND);
    const overrun = store().schedule!;
    expect(overrun).not.toBe(first);
    expect(overrun.items[0]!.projectedEnd).toBeGreaterThan(end);
    expect(store().ahead).not.toBeNull();
  });

  it('moves with time while paused: the next start is pushed later at the pace of time, between projections too', () => {
    begin(fresh(sample), at('14:00'));
    command({ type: 'start' });
    vi.advanceTimersByTime(2 * MINUTE);
    command({ type: 'pause' });
    expect(store().ahead).not.toBeNull();
    const nextId = store().schedule!.items[1]!.itemId;
    const t0 = serverNow();
    const s0 = projectedStartAt(store(), nextId, t0)!;
    for (const ms of [300, 700, 1_500, 4_200]) {
      vi.advanceTimersByTime(ms);
      const now = serverNow();
      expect(projectedStartAt(store(), nextId, now)).toBeCloseTo(s0 + (now - t0), 6);
    }
  });

  it('keeps the same object when a patch changes nothing it depends on', () => {
    begin(fresh(sample), at('14:00'));
    command({ type: 'start' });
    const before = store().schedule;
    command({ type: 'message.speaker', text: 'Please wrap up' });
    command({ type: 'booth.request', booth: 'Booth A', kind: 'slow-down' });
    expect(store().schedule).toBe(before);
  });

  it('is null without a snapshot', () => {
    begin(fresh(sample), at('14:00'));
    useRostrum.setState({ snapshot: null });
    expect(store().schedule).toBeNull();
  });
});
