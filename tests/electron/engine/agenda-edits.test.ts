import { beforeEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND, T0, later, loadSample, makeAgenda, makeItem, makeSession, withSkipped } from '../../builders';
import type { RostrumState } from '../../../shared/contract/state';
import type { Instant } from '../../../shared/time/instant';
import { fiveItems, fresh, itemOf, order, refused, send, view } from './engine-builders';

let t: Instant;
const wait = (ms: number) => {
  t = later(t, ms);
};

beforeEach(() => {
  t = T0;
});

/** a (10:00) started at T0, 90 s ago. */
function aRunning90s(): RostrumState {
  const s = send(fresh(), { type: 'start' }, T0);
  wait(90 * SECOND);
  return s;
}

const newItem = (id: string, durationSec = 180) => ({ id, title: `New ${id}`, kind: 'talk' as const, language: 'en', durationSec });

describe('skip', () => {
  it('a later item: marks it, leaves the clock alone, and next passes over it', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'skip', itemId: 'b', skipped: true }, t);
    expect(s1.revision).toBe(s0.revision + 1);
    expect(itemOf(s1, 'b')?.skipped).toBe(true);
    expect(itemOf(s0, 'b')?.skipped).toBe(false); // the old state is not mutated
    expect(s1.clock).toBe(s0.clock);
    const s2 = send(s1, { type: 'next' }, t);
    expect(s2.clock.currentItemId).toBe('c');
  });

  it('the current running item: moves on to the next, which starts at once', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'skip', itemId: 'a', skipped: true }, t);
    expect(s1.clock).toEqual({ status: 'running', currentItemId: 'b', runningSince: t, accumulatedMs: 0, addedMs: 0 });
    expect(s1.report['a']).toMatchObject({ actualStart: T0, actualEnd: t, elapsedMs: 90 * SECOND });
    expect(s1.report['b']?.actualStart).toBe(t);
  });

  it('the current stopped item: loads the next one, ready', () => {
    const s = send(fresh(), { type: 'skip', itemId: 'a', skipped: true }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'b', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('the current item when nothing playable follows ends the event', () => {
    let s = send(fresh(), { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'skip', itemId: 'e', skipped: true }, t);
    expect(s.clock.status).toBe('ended');
    expect(s.clock.currentItemId).toBeNull();
  });

  it('unskipping brings the item back: previous and next stop on it again', () => {
    let s = fresh(withSkipped(fiveItems(), 'c'));
    s = send(s, { type: 'goto', itemId: 'd' }, t);
    expect(send(s, { type: 'previous' }, t).clock.currentItemId).toBe('b');
    s = send(s, { type: 'skip', itemId: 'c', skipped: false }, t);
    expect(itemOf(s, 'c')?.skipped).toBe(false);
    expect(s.clock.currentItemId).toBe('d');
    expect(send(s, { type: 'previous' }, t).clock.currentItemId).toBe('c');
  });

  it('unskipping an item when nothing was playable makes it current, ready', () => {
    let s = fresh(withSkipped(fiveItems(), 'a', 'b', 'c', 'd', 'e'));
    expect(s.clock.currentItemId).toBeNull();
    s = send(s, { type: 'skip', itemId: 'd', skipped: false }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'd', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('to the value it already has is a no-op', () => {
    const s0 = fresh(withSkipped(fiveItems(), 'c'));
    expect(send(s0, { type: 'skip', itemId: 'c', skipped: true }, t)).toBe(s0);
    expect(send(s0, { type: 'skip', itemId: 'b', skipped: false }, t)).toBe(s0);
  });

  it('refuses an unknown item', () => {
    expect(refused(aRunning90s(), { type: 'skip', itemId: 'nope', skipped: true }, t)).toMatchObject({ code: 'unknown-item', path: 'itemId' });
  });
});

describe('item.update', () => {
  it('a shorter duration on the running item changes remaining at once', () => {
    const s0 = aRunning90s();
    expect(view(s0, t).remainingMs).toBe(510 * SECOND);
    const s1 = send(s0, { type: 'item.update', itemId: 'a', patch: { durationSec: 300 } }, t);
    expect(s1.revision).toBe(s0.revision + 1);
    expect(itemOf(s1, 'a')?.durationSec).toBe(300);
    expect(s1.clock).toBe(s0.clock); // the run goes on undisturbed
    expect(view(s1, t).remainingMs).toBe(210 * SECOND);
    expect(view(s1, t).durationMs).toBe(300 * SECOND);
  });

  it('durationSec: "none" removes the duration: remaining becomes null and the clock counts up', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.update', itemId: 'a', patch: { durationSec: 'none' } }, t);
    const a = itemOf(s1, 'a')!;
    expect('durationSec' in a).toBe(false);
    expect(view(s1, t)).toMatchObject({ remainingMs: null, durationMs: null, elapsedMs: 90 * SECOND, phase: 'normal' });
    wait(MINUTE);
    expect(view(s1, t).elapsedMs).toBe(150 * SECOND);
  });

  it('a duration on a count-up item makes it count down', () => {
    let s = send(fresh(), { type: 'goto', itemId: 'c' }, t);
    s = send(s, { type: 'start' }, t);
    wait(MINUTE);
    expect(view(s, t).remainingMs).toBeNull();
    s = send(s, { type: 'item.update', itemId: 'c', patch: { durationSec: 240 } }, t);
    expect(view(s, t).remainingMs).toBe(3 * MINUTE);
  });

  it('merges a partial speaker and removes a threshold given as null, leaving the rest', () => {
    let s = fresh(
      makeAgenda({
        sessions: [
          makeSession({
            items: [makeItem({ id: 'x', durationSec: 60, warningSec: 20, dangerSec: 10, speaker: { name: 'Ana', role: 'Chair' } })],
          }),
        ],
      }),
    );
    s = send(s, { type: 'item.update', itemId: 'x', patch: { speaker: { organisation: 'ILO' }, warningSec: 'default', title: 'Welcome' } }, t);
    const x = itemOf(s, 'x')!;
    expect(x.speaker).toEqual({ name: 'Ana', localName: '', honorific: '', role: 'Chair', organisation: 'ILO' });
    expect('warningSec' in x).toBe(false);
    expect(x.dangerSec).toBe(10);
    expect(x.title).toBe('Welcome');
    expect(x.durationSec).toBe(60);
    expect(x.id).toBe('x');
  });

  it('skipped: true on the current item moves on, like skip', () => {
    const s = send(aRunning90s(), { type: 'item.update', itemId: 'a', patch: { skipped: true } }, t);
    expect(s.clock).toEqual({ status: 'running', currentItemId: 'b', runningSince: t, accumulatedMs: 0, addedMs: 0 });
  });

  it('skipped: false when nothing was playable makes the item current', () => {
    let s = fresh(withSkipped(fiveItems(), 'a', 'b', 'c', 'd', 'e'));
    s = send(s, { type: 'item.update', itemId: 'b', patch: { skipped: false } }, t);
    expect(s.clock.currentItemId).toBe('b');
  });

  it('on another item leaves the clock and the report alone', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.update', itemId: 'd', patch: { notes: 'Slides on USB' } }, t);
    expect(itemOf(s1, 'd')?.notes).toBe('Slides on USB');
    expect(s1.clock).toBe(s0.clock);
    expect(s1.report).toBe(s0.report);
  });

  it('that changes nothing is a no-op', () => {
    const s0 = aRunning90s();
    expect(send(s0, { type: 'item.update', itemId: 'a', patch: { durationSec: 600 } }, t)).toBe(s0);
    expect(send(s0, { type: 'item.update', itemId: 'b', patch: {} }, t)).toBe(s0);
    expect(send(s0, { type: 'item.update', itemId: 'c', patch: { durationSec: 'none' } }, t)).toBe(s0);
  });

  it('refuses an unknown item', () => {
    expect(refused(aRunning90s(), { type: 'item.update', itemId: 'zz', patch: { title: 'X' } }, t)).toMatchObject({
      code: 'unknown-item',
      path: 'itemId',
    });
  });
});

describe('item.insert', () => {
  it('without beforeItemId appends to the session, leaving the clock alone', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.insert', sessionId: 'morning', item: newItem('x') }, t);
    expect(s1.revision).toBe(s0.revision + 1);
    expect(order(s1)).toEqual({ morning: ['a', 'b', 'c', 'x'], afternoon: ['d', 'e'] });
    expect(itemOf(s1, 'x')).toMatchObject({ id: 'x', durationSec: 180, skipped: false, attendance: 'onsite', notes: '' });
    expect(s1.clock).toBe(s0.clock);
    expect(s1.report).toBe(s0.report);
  });

  it('before an item puts it there; right after the current one, next goes to it', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.insert', sessionId: 'morning', beforeItemId: 'b', item: newItem('x') }, t);
    expect(order(s1)).toEqual({ morning: ['a', 'x', 'b', 'c'], afternoon: ['d', 'e'] });
    const s2 = send(s1, { type: 'next' }, t);
    expect(s2.clock).toMatchObject({ currentItemId: 'x', status: 'running', runningSince: t });
    expect(view(s2, t).remainingMs).toBe(180 * SECOND);
  });

  it('into another session, at its start', () => {
    const s = send(fresh(), { type: 'item.insert', sessionId: 'afternoon', beforeItemId: 'd', item: newItem('x') }, t);
    expect(order(s)).toEqual({ morning: ['a', 'b', 'c'], afternoon: ['x', 'd', 'e'] });
  });

  it('into an agenda with nothing playable makes the new item current, ready', () => {
    let s = fresh(makeAgenda({ sessions: [makeSession({ id: 'only' })] }));
    expect(s.clock.currentItemId).toBeNull();
    s = send(s, { type: 'item.insert', sessionId: 'only', item: newItem('x') }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'x', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('refuses an id already used by an item or a session', () => {
    const s = aRunning90s();
    expect(refused(s, { type: 'item.insert', sessionId: 'morning', item: newItem('d') }, t)).toMatchObject({ code: 'invalid', path: 'item.id' });
    expect(refused(s, { type: 'item.insert', sessionId: 'morning', item: newItem('afternoon') }, t)).toMatchObject({
      code: 'invalid',
      path: 'item.id',
    });
  });

  it('refuses an unknown session', () => {
    expect(refused(aRunning90s(), { type: 'item.insert', sessionId: 'evening', item: newItem('x') }, t)).toMatchObject({
      code: 'unknown-session',
      path: 'sessionId',
    });
  });

  it('refuses a beforeItemId that is not in that session', () => {
    const s = aRunning90s();
    expect(refused(s, { type: 'item.insert', sessionId: 'morning', beforeItemId: 'zz', item: newItem('x') }, t)).toMatchObject({
      code: 'unknown-item',
      path: 'beforeItemId',
    });
    expect(refused(s, { type: 'item.insert', sessionId: 'morning', beforeItemId: 'd', item: newItem('x') }, t)).toMatchObject({
      code: 'unknown-item',
      path: 'beforeItemId',
    });
  });
});

describe('item.remove', () => {
  it('removes a later item; next passes to the one after', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.remove', itemId: 'b' }, t);
    expect(s1.revision).toBe(s0.revision + 1);
    expect(order(s1)).toEqual({ morning: ['a', 'c'], afternoon: ['d', 'e'] });
    expect(s1.clock).toBe(s0.clock);
    expect(send(s1, { type: 'next' }, t).clock.currentItemId).toBe('c');
  });

  it('keeps the record of an item that already ran', () => {
    let s = aRunning90s();
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'item.remove', itemId: 'a' }, t);
    expect(order(s).morning).toEqual(['b', 'c']);
    expect(s.report['a']).toMatchObject({ actualStart: T0, actualEnd: t, elapsedMs: 90 * SECOND });
  });

  it('refuses the current item', () => {
    expect(refused(aRunning90s(), { type: 'item.remove', itemId: 'a' }, t)).toMatchObject({ code: 'item-is-current', path: 'itemId' });
    expect(refused(fresh(), { type: 'item.remove', itemId: 'a' }, t)).toMatchObject({ code: 'item-is-current', path: 'itemId' });
  });

  it('after the event ended, any item may go', () => {
    let s = send(fresh(), { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'item.remove', itemId: 'e' }, t);
    expect(order(s).afternoon).toEqual(['d']);
  });

  it('refuses an unknown item', () => {
    expect(refused(aRunning90s(), { type: 'item.remove', itemId: 'zz' }, t)).toMatchObject({ code: 'unknown-item', path: 'itemId' });
  });
});

describe('item.move', () => {
  it('within a session, before another item', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.move', itemId: 'c', sessionId: 'morning', beforeItemId: 'b' }, t);
    expect(s1.revision).toBe(s0.revision + 1);
    expect(order(s1)).toEqual({ morning: ['a', 'c', 'b'], afternoon: ['d', 'e'] });
    expect(s1.clock).toBe(s0.clock);
    expect(send(s1, { type: 'next' }, t).clock.currentItemId).toBe('c');
  });

  it('to the end of another session', () => {
    const s = send(fresh(), { type: 'item.move', itemId: 'b', sessionId: 'afternoon' }, t);
    expect(order(s)).toEqual({ morning: ['a', 'c'], afternoon: ['d', 'e', 'b'] });
  });

  it('the running item keeps running; next follows the new order', () => {
    const s0 = aRunning90s();
    const s1 = send(s0, { type: 'item.move', itemId: 'a', sessionId: 'afternoon', beforeItemId: 'e' }, t);
    expect(order(s1)).toEqual({ morning: ['b', 'c'], afternoon: ['d', 'a', 'e'] });
    expect(s1.clock).toBe(s0.clock);
    expect(view(s1, t).remainingMs).toBe(510 * SECOND);
    expect(send(s1, { type: 'next' }, t).clock.currentItemId).toBe('e');
  });

  it('to where it already is is a no-op', () => {
    const s0 = aRunning90s();
    expect(send(s0, { type: 'item.move', itemId: 'b', sessionId: 'morning', beforeItemId: 'c' }, t)).toBe(s0);
    expect(send(s0, { type: 'item.move', itemId: 'c', sessionId: 'morning' }, t)).toBe(s0);
    expect(send(s0, { type: 'item.move', itemId: 'b', sessionId: 'morning', beforeItemId: 'b' }, t)).toBe(s0);
  });

  it('refuses an unknown item, session or beforeItemId', () => {
    const s = aRunning90s();
    expect(refused(s, { type: 'item.move', itemId: 'zz', sessionId: 'morning' }, t)).toMatchObject({ code: 'unknown-item', path: 'itemId' });
    expect(refused(s, { type: 'item.move', itemId: 'b', sessionId: 'evening' }, t)).toMatchObject({
      code: 'unknown-session',
      path: 'sessionId',
    });
    expect(refused(s, { type: 'item.move', itemId: 'b', sessionId: 'afternoon', beforeItemId: 'c' }, t)).toMatchObject({
      code: 'unknown-item',
      path: 'beforeItemId',
    });
  });
});

describe('agenda.replace', () => {
  it('is a new event: the clock goes back to the new first item, stopped, and the report is cleared', () => {
    let s = aRunning90s();
    s = send(s, { type: 'adjust', seconds: 60 }, t);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'message.booth', text: 'Channel 2 is live' }, t);
    const before = s;
    const sample = loadSample();
    wait(MINUTE);
    s = send(s, { type: 'agenda.replace', agenda: sample }, t);
    expect(s.revision).toBe(before.revision + 1);
    expect(s.agenda).toEqual(sample);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'open-local-gov', runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(s.report).toEqual({});
    expect(s.messages).toBe(before.messages);
    expect(view(s, t).remainingMs).toBe(420 * SECOND);
  });

  it('skips over skipped items to find the first', () => {
    const s = send(aRunning90s(), { type: 'agenda.replace', agenda: withSkipped(loadSample(), 'open-local-gov', 'open-cao') }, t);
    expect(s.clock.currentItemId).toBe('open-sun');
  });

  it('reopens an ended event', () => {
    let s = send(fresh(), { type: 'goto', itemId: 'e' }, t);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'agenda.replace', agenda: fiveItems() }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: 'a', runningSince: null, accumulatedMs: 0, addedMs: 0 });
  });

  it('with an agenda that has no items leaves nothing current', () => {
    const s = send(aRunning90s(), { type: 'agenda.replace', agenda: makeAgenda({ sessions: [makeSession({ id: 'tbc' })] }) }, t);
    expect(s.clock).toEqual({ status: 'idle', currentItemId: null, runningSince: null, accumulatedMs: 0, addedMs: 0 });
    expect(refused(s, { type: 'start' }, t)).toMatchObject({ code: 'no-current-item' });
  });
});
