import { describe, expect, it } from 'vitest';
import type { ClockState } from '../../../shared/clock/clock-state';
import { makeClock, type ClockInput } from '../../builders';
import { instant } from '../../../shared/time/instant';
import { cueFor, FRESH_START_MS, observeClock, type CueObservation } from '../../../renderer/audio/cue-rules';

const T0 = 1_800_000_000_000;
/** observeClock at a time given in plain ms. */
const observe = (clock: ClockState, item: Parameters<typeof observeClock>[1], startedAt: number | null, now: number) =>
  observeClock(clock, item, startedAt, instant(now));
const ITEM = { durationSec: 420 };

const running = (startedAt: number, over: ClockInput = {}): ClockState =>
  makeClock({ status: 'running', currentItemId: 'a', runningSince: instant(startedAt), ...over });

/** The observation `ms` after a run of item `a` began at T0. */
const at = (ms: number, over: ClockInput = {}, item = ITEM) =>
  observe(running(T0, over), item, T0, T0 + ms);

/** Feeds observations in order, as the watcher does, and collects what they call for. */
function play(observations: [CueObservation, number][]) {
  let prev: CueObservation | null = null;
  const out: string[] = [];
  for (const [obs, now] of observations) {
    const d = cueFor(prev, obs, now);
    if (d) out.push(d.cue);
    prev = obs;
  }
  return out;
}

describe('observeClock', () => {
  it('reads the phase the display shows, with the item’s thresholds', () => {
    expect(at(0).phase).toBe('normal');
    expect(at(300_000).phase).toBe('warning'); // 2:00 left
    expect(at(299_999).phase).toBe('normal');
    expect(at(390_000).phase).toBe('danger'); // 0:30 left
    expect(at(420_000).phase).toBe('overtime');
    expect(at(375_000, {}, { durationSec: 420, dangerSec: 45 } as typeof ITEM).phase).toBe('danger');
    expect(at(0).allottedMs).toBe(420_000);
    expect(at(0, { addedMs: -60_000 }).allottedMs).toBe(360_000);
  });
});

describe('cueFor', () => {
  it('never cues on the first observation: a page opened (or reloaded) mid-run is silent', () => {
    expect(cueFor(null, at(400_000), T0 + 400_000)).toBeNull();
    expect(cueFor(null, at(1_000), T0 + 1_000)).toBeNull();
  });

  it('cues each phase once as the clock runs into it, and nothing in between', () => {
    const steps = [0, 1_000, 299_999, 300_000, 300_250, 389_999, 390_000, 419_999, 420_000, 425_000];
    expect(play(steps.map((ms) => [at(ms), T0 + ms]))).toEqual(['warning', 'danger', 'overtime']);
  });

  it('cues only the phase entered when a jump skips one (time taken away)', () => {
    const obs = [at(10_000), at(10_250, { addedMs: -415_000 })];
    expect(play([[obs[0]!, T0 + 10_000], [obs[1]!, T0 + 10_250]])).toEqual(['overtime']);
  });

  it('is silent going back (time added), and cues again entering a phase after that', () => {
    const before = at(421_000);
    const added = at(421_250, { addedMs: 60_000 }); // back to danger
    const over = at(481_000, { addedMs: 60_000 }); // overtime again, with a minute more
    expect(cueFor(before, added, T0)).toBeNull();
    const again = cueFor(added, over, T0);
    expect(again?.cue).toBe('overtime');
    expect(again?.key).not.toBe(cueFor(at(419_000), before, T0)?.key);
  });

  it('names a transition the same way in every window, so only one of them plays it', () => {
    const a = cueFor(at(299_000), at(300_100), T0 + 300_100);
    const b = cueFor(at(299_900), at(300_400), T0 + 300_400);
    expect(a).not.toBeNull();
    expect(a).toEqual(b);
  });

  it('cues a phase entered while paused (the moderator took time away), not while idle', () => {
    const paused = (addedMs: number) =>
      observe(running(T0, { status: 'paused', runningSince: null, accumulatedMs: 60_000, addedMs }), ITEM, T0, T0 + 90_000);
    expect(cueFor(paused(0), paused(-250_000), T0 + 90_000)?.cue).toBe('warning');
    const idle = (durationSec: number) =>
      observe({ ...running(T0), status: 'idle', runningSince: null }, { durationSec }, null, T0);
    expect(cueFor(idle(420), idle(20), T0)).toBeNull();
  });

  it('cues start when a run begins, and not on a resume or a revisit', () => {
    const idle = observe({ ...running(T0), status: 'idle', runningSince: null }, ITEM, null, T0 - 5);
    expect(cueFor(idle, at(20), T0 + 20)?.cue).toBe('start');
    const paused = observe(running(T0, { status: 'paused', runningSince: null, accumulatedMs: 9_000 }), ITEM, T0, T0 + 60_000);
    expect(cueFor(paused, observe(running(T0 + 60_000, { accumulatedMs: 9_000 }), ITEM, T0, T0 + 60_000), T0 + 60_000)).toBeNull();
    // `previous` back to an item that ran a while ago keeps its first start: joined, not begun.
    const other = observe(running(T0 + 100_000, { currentItemId: 'b' }), ITEM, T0 + 100_000, T0 + 200_000);
    const revisited = observe(running(T0 + 200_000), ITEM, T0, T0 + 200_000);
    expect(cueFor(other, revisited, T0 + 200_000)).toBeNull();
    expect(cueFor(other, observe(running(T0 + 200_000), ITEM, T0 + 200_000 - FRESH_START_MS + 1, T0 + 200_000), T0 + 200_000)?.cue).toBe('start');
  });

  it('a run that begins already urgent (a 20-second slot) cues that phase instead of start', () => {
    const idle = observe({ ...running(T0), status: 'idle', runningSince: null }, { durationSec: 20 }, null, T0);
    expect(cueFor(idle, observe(running(T0), { durationSec: 20 }, T0, T0 + 10), T0 + 10)?.cue).toBe('danger');
  });

  it('a reset and a new start is a new run: its cues play again', () => {
    const first = cueFor(at(299_000), at(300_000), T0 + 300_000)!;
    const rerun = (ms: number) => observe(running(T0 + 1_000_000), ITEM, T0 + 1_000_000, T0 + 1_000_000 + ms);
    const second = cueFor(rerun(299_000), rerun(300_000), T0 + 1_300_000)!;
    expect(second.cue).toBe('warning');
    expect(second.key).not.toBe(first.key);
  });

  it('cues end when the event ends, once', () => {
    const ended = observe(makeClock({ status: 'ended' }), undefined, null, T0);
    expect(cueFor(at(100_000), ended, T0)?.cue).toBe('end');
    expect(cueFor(ended, ended, T0)).toBeNull();
  });

  it('an item without a duration counts up and never reaches a phase', () => {
    const open = (ms: number) => observe(running(T0), {}, T0, T0 + ms);
    expect(play([0, 10_000, 3_600_000].map((ms) => [open(ms), T0 + ms]))).toEqual([]);
  });
});
