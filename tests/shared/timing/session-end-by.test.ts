import { describe, expect, it } from 'vitest';
import { remainingMs } from '../../../shared/clock/clock-math';
import { buildPlan } from '../../../shared/schedule/plan';
import { projectSchedule } from '../../../shared/schedule/projection';
import { recoveryPlan } from '../../../shared/schedule/recovery';
import { timedItemOf } from '../../../shared/timing/ends-at';
import { nextAutomaticTransition } from '../../../shared/timing/next-transition';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { MINUTE, at, makeAgenda, makeItem, makeSession, withSkipped } from '../../builders';
import { fresh, refused, send } from '../../electron/engine/engine-builders';

/** A webinar slot the platform cuts at 16:30 (planned until 16:45), then a session that follows it. */
const agenda = () =>
  makeAgenda({
    sessions: [
      makeSession({
        id: 'web',
        plannedStart: '16:00',
        plannedEnd: '16:45',
        endAt: '16:30',
        autoAdvance: { graceSec: 0 },
        items: [makeItem({ id: 'w1', durationSec: 600 }), makeItem({ id: 'w2', durationSec: 600 }), makeItem({ id: 'w3', durationSec: 900 })],
      }),
      makeSession({
        id: 'after',
        plannedStart: '16:45',
        plannedEnd: '17:25',
        items: [makeItem({ id: 'a1', durationSec: 1200 }), makeItem({ id: 'a2', durationSec: 1200 })],
      }),
    ],
  });

const hm = (t: Instant | null | undefined) => (t == null ? null : timeOfDayIn(t, 'Asia/Shanghai'));

describe('end by for a session', () => {
  it('plans the last item to end at the session end-by, absorbing the difference; the session ends there', () => {
    const plan = buildPlan(agenda());
    expect(plan.items.map((i) => [i.itemId, hm(i.plannedStart), hm(i.plannedEnd)])).toEqual([
      ['w1', '16:00', '16:10'],
      ['w2', '16:10', '16:20'],
      ['w3', '16:20', '16:30'],
      ['a1', '16:45', '17:05'],
      ['a2', '17:05', '17:25'],
    ]);
    expect(hm(plan.sessions[0]!.plannedEnd)).toBe('16:30');
  });

  it('a skipped last item passes the end-by to the item before it', () => {
    const plan = buildPlan(withSkipped(agenda(), 'w3'));
    expect(hm(plan.items.find((i) => i.itemId === 'w2')!.plannedEnd)).toBe('16:30');
  });

  it('an overrun early in the session shortens the last item: the session still ends by 16:30, no drift', () => {
    let s = send(fresh(agenda()), { type: 'start' }, at('16:00'));
    const schedule = projectSchedule(s, at('16:15'));
    const w3 = schedule.items.find((i) => i.itemId === 'w3')!;
    expect([hm(w3.projectedStart), hm(w3.projectedEnd)]).toEqual(['16:25', '16:30']);
    expect(schedule.sessions[0]!.driftMs).toBe(0);
    // The last item's countdown ends at the session's end-by, and it advances there.
    s = send(s, { type: 'goto', itemId: 'w3' }, at('16:25'));
    s = send(s, { type: 'start' }, at('16:25'));
    const item = timedItemOf(s.agenda, s.report, s.agenda.sessions[0]!.items[2]!);
    expect(remainingMs(s.clock, item, at('16:26'))).toBe(4 * MINUTE);
    expect(nextAutomaticTransition(s)?.at).toBe(at('16:30'));
  });

  it('items that overflow the end-by make the session late, and recovery cuts only later sessions', () => {
    const s = send(fresh(agenda()), { type: 'start' }, at('16:00'));
    // w1 still on at 16:50: w2 runs 16:50–17:00, w3 gets nothing, the next session starts at 17:00.
    const schedule = projectSchedule(s, at('16:50'));
    expect(hm(schedule.sessions[0]!.projectedEnd)).toBe('17:00');
    expect(schedule.sessions[0]!.driftMs).toBe(30 * MINUTE);
    expect(schedule.driftMs).toBe(15 * MINUTE);
    const hint = recoveryPlan(s, at('16:50'));
    expect(hint.cuts.map((c) => c.itemId)).toEqual(['a1', 'a2']);
  });

  it('time cannot be added to the last item; an earlier item gets time while the last still fits', () => {
    const s = send(fresh(agenda()), { type: 'start' }, at('16:00'));
    expect(send(s, { type: 'adjust', seconds: 300 }, at('16:01')).clock.addedMs).toBe(5 * MINUTE);
    expect(refused(s, { type: 'adjust', seconds: 900 }, at('16:01'))).toMatchObject({ code: 'end-by-item', path: 'seconds' });
    let last = send(s, { type: 'goto', itemId: 'w3' }, at('16:02'));
    last = send(last, { type: 'start' }, at('16:02'));
    expect(refused(last, { type: 'adjust', seconds: 60 }, at('16:03'))).toMatchObject({ code: 'end-by-item', path: 'seconds' });
  });

  it('a session end-by must come after its planned start', () => {
    expect(() => makeAgenda({ sessions: [makeSession({ plannedStart: '16:00', plannedEnd: '16:45', endAt: '15:30' })] })).toThrow(/must be after plannedStart/);
  });

  it('the moderator moves the session end (session.update), which gives the last item its time; a bad end is refused', () => {
    let s = send(fresh(agenda()), { type: 'goto', itemId: 'w3' }, at('16:20'));
    s = send(s, { type: 'start' }, at('16:20'));
    s = send(s, { type: 'session.update', sessionId: 'web', patch: { endAt: '16:40' } }, at('16:21'));
    const item = () => timedItemOf(s.agenda, s.report, s.agenda.sessions[0]!.items[2]!);
    expect(remainingMs(s.clock, item(), at('16:21'))).toBe(19 * MINUTE);
    expect(refused(s, { type: 'session.update', sessionId: 'web', patch: { endAt: '15:59' } }, at('16:22'))).toMatchObject({ code: 'invalid', path: 'patch.endAt' });
    expect(refused(s, { type: 'session.update', sessionId: 'nope', patch: { endAt: '16:50' } }, at('16:22'))).toMatchObject({ code: 'unknown-session' });
    // "none" removes it: the last item counts its own duration again (15 minutes from 16:20).
    s = send(s, { type: 'session.update', sessionId: 'web', patch: { endAt: 'none' } }, at('16:22'));
    expect(s.agenda.sessions[0]!.endAt).toBeUndefined();
    expect(remainingMs(s.clock, item(), at('16:22'))).toBe(13 * MINUTE);
  });
});
