import { beforeEach, describe, expect, it } from 'vitest';
import { applyCommand } from '../../../electron/engine/apply-command';
import { MINUTE, SECOND, T0, later, makeAgenda, makeItem, makeSession, withSkipped } from '../../builders';
import type { RostrumState } from '../../../shared/contract/state';
import type { Instant } from '../../../shared/time/instant';
import { cmd, fiveItems, fresh, itemOf, refused, send, view } from './engine-builders';

// A hand-cranked clock: every test moves `t` on explicitly and passes it in.
let t: Instant;
const wait = (ms: number) => {
  t = later(t, ms);
};

beforeEach(() => {
  t = T0;
});

/** a (10:00) is running since T0. */
const runningA = (): RostrumState => send(fresh(), { type: 'start' }, T0);

describe('start / resume', () => {
  it('runs the loaded item from now and records its actual start', () => {
    const s0 = fresh();
    const s1 = send(s0, { type: 'start' }, t);
    expect(s1.revision).toBe(1);
    expect(s1.clock).toEqual({ status: 'running', currentItemId: 'a', runningSince: T0, accumulatedMs: 0, addedMs: 0 });
    expect(s1.report['a']).toEqual({ actualStart: T0, actualEnd: null, elapsedMs: 0, addedMs: 0, pauses: [] });
    expect(view(s1, t).remainingMs).toBe(600 * SECOND);
  });

  it('is anchored to timestamps: the state does not change as time passes, the derived time does', () => {
    const s1 = runningA();
    wait(7 * MINUTE + 250);
    expect(s1.clock.runningSince).toBe(T0);
    expect(s1.clock.accumulatedMs).toBe(0);
    expect(view(s1, t).elapsedMs).toBe(7 * MINUTE + 250);
    expect(view(s1, t).remainingMs).toBe(3 * MINUTE - 250);
  });

  it('is a no-op when already running: same object, no revision bump', () => {
    const s1 = runningA();
    wait(5 * SECOND);
    expect(send(s1, { type: 'start' }, t)).toBe(s1);
    expect(send(s1, { type: 'resume' }, t)).toBe(s1);
    expect(send(s1, { type: 'resume', expectedItemId: 'a' }, t)).toBe(s1);
  });

  it('resume is the same as start', () => {
    const s1 = send(fresh(), { type: 'resume' }, t);
    expect(s1.clock.status).toBe('running');
    expect(s1.clock.runningSince).toBe(T0);
    expect(s1.report['a']?.actualStart).toBe(T0);
  });

  it('refuses a stale expectedItemId and changes nothing', () => {
    const e = refused(fresh(), { type: 'start', expectedItemId: 'b' }, t);
    expect(e).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
  });

  it('refuses to start once the event has ended', () => {
    let s = fresh(withSkipped(fiveItems(), 'b', 'c', 'd', 'e'));
    s = send(s, { type: 'next' }, t);
    expect(s.clock.status).toBe('ended');
    expect(refused(s, { type: 'start' }, t)).toMatchObject({ code: 'no-current-item' });
    expect(refused(s, { type: 'pause' }, t)).toMatchObject({ code: 'no-current-item' });
  });
});

describe('pause', () => {
  it('start, 90 s, pause: remaining is the duration minus exactly 90 s', () => {
    const s1 = runningA();
    wait(90 * SECOND);
    const s2 = send(s1, { type: 'pause' }, t);
    expect(s2.revision).toBe(2);
    expect(s2.clock).toEqual({ status: 'paused', currentItemId: 'a', runningSince: null, accumulatedMs: 90 * SECOND, addedMs: 0 });
    expect(view(s2, t).remainingMs).toBe(510 * SECOND);
    expect(s2.report['a']?.pauses).toEqual([{ from: later(T0, 90 * SECOND), to: null }]);
  });

  it('time stands still while paused; resuming 10 min later continues from 90 s', () => {
    const s1 = runningA();
    wait(90 * SECOND);
    const pausedAt = t;
    const s2 = send(s1, { type: 'pause' }, t);
    wait(10 * MINUTE);
    expect(view(s2, t).elapsedMs).toBe(90 * SECOND);
    const s3 = send(s2, { type: 'resume' }, t);
    const resumedAt = t;
    expect(s3.clock).toEqual({ status: 'running', currentItemId: 'a', runningSince: resumedAt, accumulatedMs: 90 * SECOND, addedMs: 0 });
    expect(view(s3, t).elapsedMs).toBe(90 * SECOND);
    expect(s3.report['a']?.pauses).toEqual([{ from: pausedAt, to: resumedAt }]);
    // The actual start is the first start, not the resume.
    expect(s3.report['a']?.actualStart).toBe(T0);
    wait(30 * SECOND);
    expect(view(s3, t).elapsedMs).toBe(120 * SECOND);
    expect(view(s3, t).remainingMs).toBe(480 * SECOND);
  });

  it('records every pause with from/to', () => {
    let s = runningA();
    wait(MINUTE);
    s = send(s, { type: 'pause' }, t); // T0+1:00
    wait(MINUTE);
    s = send(s, { type: 'start' }, t); // T0+2:00
    wait(MINUTE);
    s = send(s, { type: 'pause' }, t); // T0+3:00
    wait(2 * MINUTE);
    s = send(s, { type: 'start' }, t); // T0+5:00
    wait(MINUTE);
    expect(s.report['a']?.pauses).toEqual([
      { from: later(T0, MINUTE), to: later(T0, 2 * MINUTE) },
      { from: later(T0, 3 * MINUTE), to: later(T0, 5 * MINUTE) },
    ]);
    expect(view(s, t).elapsedMs).toBe(3 * MINUTE);
  });

  it('is a no-op when already paused, or when nothing has started', () => {
    const s0 = fresh();
    expect(send(s0, { type: 'pause' }, t)).toBe(s0);
    const s1 = runningA();
    wait(SECOND);
    const s2 = send(s1, { type: 'pause' }, t);
    wait(SECOND);
    expect(send(s2, { type: 'pause' }, t)).toBe(s2);
    expect(s2.revision).toBe(2);
  });

  it('refuses a stale expectedItemId', () => {
    expect(refused(runningA(), { type: 'pause', expectedItemId: 'b' }, t)).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
  });
});

describe('next', () => {
  it('while stopped, loads the next item ready, without starting it', () => {
    const s0 = fresh();
    const s1 = send(s0, { type: 'next' }, t);
    expect(s1.revision).toBe(1);
    expect(s1.clock).toEqual({ status: 'idle', currentItemId: 'b', runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(s1.report).toEqual({});
  });

  it('while running, starts the next item at once and closes the previous one', () => {
    const s1 = runningA();
    wait(9 * MINUTE);
    const s2 = send(s1, { type: 'next' }, t);
    expect(s2.clock).toEqual({ status: 'running', currentItemId: 'b', runningSince: t, accumulatedMs: 0, addedMs: 0 });
    expect(s2.report['b']).toEqual({ actualStart: t, actualEnd: null, elapsedMs: 0, addedMs: 0, pauses: [] });
    expect(s2.report['a']).toEqual({ actualStart: T0, actualEnd: t, elapsedMs: 9 * MINUTE, addedMs: 0, pauses: [] });
    expect(view(s2, t).remainingMs).toBe(300 * SECOND);
  });

  it('while paused, loads the next item ready and closes the open pause of the one left', () => {
    let s = runningA();
    wait(2 * MINUTE);
    s = send(s, { type: 'pause' }, t);
    wait(MINUTE);
    s = send(s, { type: 'next' }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'b', runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(s.report['a']).toEqual({
      actualStart: T0,
      actualEnd: t,
      elapsedMs: 2 * MINUTE,
      addedMs: 0,
      pauses: [{ from: later(T0, 2 * MINUTE), to: t }],
    });
    expect(s.report['b']).toBeUndefined();
  });

  it('crosses from one session into the next', () => {
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'c' }, t);
    s = send(s, { type: 'next' }, t);
    expect(s.clock.currentItemId).toBe('d');
  });

  it('a double press with the same expectedItemId moves only one item', () => {
    const s1 = runningA();
    wait(5 * MINUTE);
    const s2 = send(s1, { type: 'next', expectedItemId: 'a' }, t);
    expect(s2.clock.currentItemId).toBe('b');
    wait(200);
    const e = refused(s2, { type: 'next', expectedItemId: 'a' }, t);
    expect(e).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
    expect(e.message).toContain('b');
  });

  it('on the last playable item ends the event', () => {
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'start' }, t);
    wait(2 * MINUTE + 5 * SECOND);
    const rev = s.revision;
    s = send(s, { type: 'next' }, t);
    expect(s.revision).toBe(rev + 1);
    expect(s.clock).toEqual({ status: 'ended', currentItemId: null, runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(s.report['e']).toEqual({ actualStart: T0, actualEnd: t, elapsedMs: 125 * SECOND, addedMs: 0, pauses: [] });
    expect(view(s, t)).toMatchObject({ status: 'ended', remainingMs: null, phase: 'normal' });
  });

  it('ends the event when only skipped items follow', () => {
    let s = fresh(withSkipped(fiveItems(), 'e'));
    s = send(s, { type: 'goto', itemId: 'd' }, t);
    s = send(s, { type: 'next' }, t);
    expect(s.clock.status).toBe('ended');
  });

  it('after the end is a no-op', () => {
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'next' }, t);
    expect(s.clock.status).toBe('ended');
    expect(send(s, { type: 'next' }, t)).toBe(s);
  });

  it('passes over skipped items', () => {
    let s = fresh(withSkipped(fiveItems(), 'b', 'c'));
    s = send(s, { type: 'start' }, t);
    wait(MINUTE);
    s = send(s, { type: 'next' }, t);
    expect(s.clock.currentItemId).toBe('d');
    expect(s.clock.runningSince).toBe(t);
    expect(s.report['b']).toBeUndefined();
    expect(s.report['c']).toBeUndefined();
  });
});

describe('previous', () => {
  it('back to an item restores the time it had, and keeps running', () => {
    let s = runningA();
    wait(2 * MINUTE);
    s = send(s, { type: 'adjust', seconds: 30 }, t);
    s = send(s, { type: 'next' }, t); // a left at 2:00 with +0:30
    wait(MINUTE);
    s = send(s, { type: 'previous', expectedItemId: 'b' }, t);
    expect(s.clock).toEqual({ status: 'running', currentItemId: 'a', runningSince: t, accumulatedMs: 2 * MINUTE, addedMs: 30 * SECOND });
    expect(view(s, t).remainingMs).toBe(600 * SECOND + 30 * SECOND - 2 * MINUTE);
    // a is current again: its end is cleared, its first start kept; b was left after 1:00.
    expect(s.report['a']).toMatchObject({ actualStart: T0, actualEnd: null, elapsedMs: 2 * MINUTE, addedMs: 30 * SECOND });
    expect(s.report['b']).toMatchObject({ actualStart: later(T0, 2 * MINUTE), actualEnd: t, elapsedMs: MINUTE });
    wait(10 * SECOND);
    expect(view(s, t).elapsedMs).toBe(2 * MINUTE + 10 * SECOND);
  });

  it('while stopped, loads the earlier item paused at the time it had', () => {
    let s = runningA();
    wait(3 * MINUTE);
    s = send(s, { type: 'pause' }, t);
    s = send(s, { type: 'next' }, t);
    wait(MINUTE);
    s = send(s, { type: 'previous' }, t);
    expect(s.clock).toEqual({ status: 'paused', currentItemId: 'a', runningSince: null, accumulatedMs: 3 * MINUTE, addedMs: 0 });
    expect(view(s, t).remainingMs).toBe(7 * MINUTE);
  });

  it('back to an item never started loads it idle at full time', () => {
    let s = fresh();
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'previous' }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'a', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('on the first item is a no-op', () => {
    const s = runningA();
    wait(MINUTE);
    expect(send(s, { type: 'previous' }, t)).toBe(s);
  });

  it('passes over skipped items', () => {
    let s = fresh(withSkipped(fiveItems(), 'b', 'c'));
    s = send(s, { type: 'goto', itemId: 'd' }, t);
    s = send(s, { type: 'previous' }, t);
    expect(s.clock.currentItemId).toBe('a');
  });

  it('after the end goes back to the last item', () => {
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'start' }, t);
    wait(MINUTE);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'previous' }, t);
    expect(s.clock).toEqual({ status: 'paused', currentItemId: 'e', runningSince: null, accumulatedMs: MINUTE, addedMs: 0 });
  });

  it('refuses a stale expectedItemId', () => {
    const s = send(fresh(), { type: 'next' }, t);
    expect(refused(s, { type: 'previous', expectedItemId: 'a' }, t)).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
  });
});

describe('goto', () => {
  it('while running, starts the target at once, across sessions', () => {
    const s1 = runningA();
    wait(4 * MINUTE);
    const s2 = send(s1, { type: 'goto', itemId: 'd', expectedItemId: 'a' }, t);
    expect(s2.clock).toEqual({ status: 'running', currentItemId: 'd', runningSince: t, accumulatedMs: 0, addedMs: 0 });
    expect(s2.report['d']?.actualStart).toBe(t);
    expect(s2.report['a']).toMatchObject({ actualEnd: t, elapsedMs: 4 * MINUTE });
  });

  it('while stopped, loads the target ready', () => {
    const s = send(fresh(), { type: 'goto', itemId: 'e' }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'e', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('to the current item is a no-op', () => {
    const s = runningA();
    wait(MINUTE);
    expect(send(s, { type: 'goto', itemId: 'a' }, t)).toBe(s);
  });

  it('after the end reopens the event on the target', () => {
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'goto', itemId: 'b' }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'b', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('refuses an unknown item, naming itemId', () => {
    expect(refused(runningA(), { type: 'goto', itemId: 'zz' }, t)).toMatchObject({ code: 'unknown-item', path: 'itemId' });
  });

  it('refuses a skipped item', () => {
    const s = send(fresh(withSkipped(fiveItems(), 'c')), { type: 'start' }, t);
    expect(refused(s, { type: 'goto', itemId: 'c' }, t)).toMatchObject({ code: 'item-skipped', path: 'itemId' });
  });

  it('refuses a stale expectedItemId', () => {
    expect(refused(runningA(), { type: 'goto', itemId: 'c', expectedItemId: 'b' }, t)).toMatchObject({
      code: 'stale-item',
      path: 'expectedItemId',
    });
  });
});

describe('adjust', () => {
  it('+60 on a running item moves remaining by exactly 60 000 ms, durationSec untouched', () => {
    const s1 = runningA();
    wait(4 * MINUTE + 321);
    const before = view(s1, t).remainingMs!;
    const s2 = send(s1, { type: 'adjust', seconds: 60, expectedItemId: 'a' }, t);
    expect(s2.revision).toBe(s1.revision + 1);
    expect(view(s2, t).remainingMs).toBe(before + 60_000);
    expect(view(s2, t).elapsedMs).toBe(4 * MINUTE + 321);
    expect(view(s2, t).durationMs).toBe(660 * SECOND);
    expect(s2.clock.addedMs).toBe(60_000);
    expect(s2.clock.runningSince).toBe(T0);
    expect(itemOf(s2, 'a')?.durationSec).toBe(600);
    expect(s2.agenda).toBe(s1.agenda);
  });

  it('adds up, and takes time away with a negative value', () => {
    let s = runningA();
    s = send(s, { type: 'adjust', seconds: 60 }, t);
    s = send(s, { type: 'adjust', seconds: -90 }, t);
    expect(s.clock.addedMs).toBe(-30_000);
    expect(view(s, t).remainingMs).toBe(570 * SECOND);
  });

  it('works on a paused or idle item too', () => {
    let s = send(fresh(), { type: 'adjust', seconds: 45 }, t);
    expect(s.clock).toMatchObject({ status: 'idle', addedMs: 45_000 });
    s = send(s, { type: 'start' }, t);
    wait(MINUTE);
    s = send(s, { type: 'pause' }, t);
    s = send(s, { type: 'adjust', seconds: -15 }, t);
    expect(view(s, t).remainingMs).toBe(600_000 + 30_000 - 60_000);
  });

  it('is kept in the report when the item is left', () => {
    let s = runningA();
    s = send(s, { type: 'adjust', seconds: 120 }, t);
    wait(MINUTE);
    s = send(s, { type: 'next' }, t);
    expect(s.report['a']).toMatchObject({ addedMs: 120_000, elapsedMs: MINUTE });
  });

  it('refuses once the event has ended, and on a stale expectedItemId', () => {
    expect(refused(runningA(), { type: 'adjust', seconds: 60, expectedItemId: 'b' }, t)).toMatchObject({ code: 'stale-item' });
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'next' }, t);
    expect(refused(s, { type: 'adjust', seconds: 60 }, t)).toMatchObject({ code: 'no-current-item' });
  });
});

describe('reset', () => {
  it('puts the current item back to full time, stopped, addedMs cleared', () => {
    let s = runningA();
    wait(3 * MINUTE);
    s = send(s, { type: 'adjust', seconds: 60 }, t);
    s = send(s, { type: 'pause' }, t);
    wait(MINUTE);
    const rev = s.revision;
    s = send(s, { type: 'reset', expectedItemId: 'a' }, t);
    expect(s.revision).toBe(rev + 1);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'a', runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(view(s, t)).toMatchObject({ elapsedMs: 0, remainingMs: 600 * SECOND, durationMs: 600 * SECOND });
    expect(itemOf(s, 'a')?.durationSec).toBe(600);
    // The aborted run is forgotten: starting again is a fresh start.
    expect(s.report['a']).toBeUndefined();
    s = send(s, { type: 'start' }, t);
    expect(s.report['a']).toEqual({ actualStart: t, actualEnd: null, elapsedMs: 0, addedMs: 0, pauses: [] });
  });

  it('stops a running item', () => {
    const s1 = runningA();
    wait(MINUTE);
    const s2 = send(s1, { type: 'reset' }, t);
    wait(MINUTE);
    expect(s2.clock.status).toBe('idle');
    expect(view(s2, t).elapsedMs).toBe(0);
  });

  it('is a no-op on an item that is already at full time, stopped', () => {
    const s0 = fresh();
    expect(send(s0, { type: 'reset' }, t)).toBe(s0);
  });

  it('keeps the other items’ records', () => {
    let s = runningA();
    wait(MINUTE);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'reset' }, t);
    expect(s.report['a']).toMatchObject({ elapsedMs: MINUTE, actualEnd: t });
    expect(s.report['b']).toBeUndefined();
  });

  it('refuses a stale expectedItemId, and after the end', () => {
    expect(refused(runningA(), { type: 'reset', expectedItemId: 'c' }, t)).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
    let s = fresh();
    s = send(s, { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'next' }, t);
    expect(refused(s, { type: 'reset' }, t)).toMatchObject({ code: 'no-current-item' });
  });
});

describe('revision', () => {
  it('goes up by exactly one per accepted change and never for a no-op', () => {
    let s = fresh();
    const inputs = [
      { type: 'start' },
      { type: 'start' }, // no-op
      { type: 'pause' },
      { type: 'pause' }, // no-op
      { type: 'next' },
      { type: 'previous' },
      { type: 'previous' }, // no-op: first item
      { type: 'adjust', seconds: 5 },
      { type: 'reset' },
      { type: 'goto', itemId: 'a' }, // no-op: already current
    ] as const;
    const revisions = inputs.map((input) => {
      wait(SECOND);
      s = applyCommand(s, cmd(input), t);
      return s.revision;
    });
    expect(revisions).toEqual([1, 1, 2, 2, 3, 4, 4, 5, 6, 6]);
  });
});

describe('item ids that are also Object.prototype names', () => {
  // idSchema allows them; the report is a plain record keyed by item id.
  it('an item called "constructor" starts, pauses, is left and revisited like any other', () => {
    const agenda = makeAgenda({
      sessions: [
        makeSession({ id: 'main', items: [makeItem({ id: 'constructor', durationSec: 300 }), makeItem({ id: 'toString', durationSec: 300 })] }),
      ],
    });
    let s = fresh(agenda);
    expect(send(s, { type: 'reset' }, t)).toBe(s);
    s = send(s, { type: 'start' }, t);
    expect(s.report['constructor']).toEqual({ actualStart: T0, actualEnd: null, elapsedMs: 0, addedMs: 0, pauses: [] });
    wait(MINUTE);
    s = send(s, { type: 'pause' }, t);
    s = send(s, { type: 'next' }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'toString', runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(view(s, t).remainingMs).toBe(300 * SECOND);
    s = send(s, { type: 'start' }, t);
    expect(s.report['toString']).toEqual({ actualStart: t, actualEnd: null, elapsedMs: 0, addedMs: 0, pauses: [] });
    s = send(s, { type: 'previous' }, t);
    expect(s.clock).toMatchObject({ status: 'running', currentItemId: 'constructor', accumulatedMs: MINUTE });
  });
});
