import { describe, expect, it } from 'vitest';
import { elapsedMs, remainingMs } from '../../../shared/clock/clock-math';
import { projectSchedule } from '../../../shared/schedule/projection';
import { timedItemOf } from '../../../shared/timing/ends-at';
import { holdTarget, nextAutomaticTransition, pendingScheduledStart } from '../../../shared/timing/next-transition';
import { auxShownMs } from '../../../shared/timing/timing-state';
import { MINUTE, SECOND, at, makeAgenda, makeItem, makeSession } from '../../builders';
import { fresh, refused, send } from '../../electron/engine/engine-builders';

const agenda = () =>
  makeAgenda({
    sessions: [
      makeSession({
        id: 'one',
        plannedStart: '14:00',
        plannedEnd: '15:00',
        autoStart: true,
        items: [makeItem({ id: 'a', durationSec: 600, autoAdvance: { graceSec: 30 } }), makeItem({ id: 'b', endAt: '16:30' }), makeItem({ id: 'c', durationSec: 60 })],
      }),
    ],
  });

describe('nextAutomaticTransition', () => {
  it('a session with autoStart starts at its planned start; a hold cancels it and H lets it start again', () => {
    const s = send(fresh(agenda()), { type: 'message.booth', text: 'hello' }, at('13:00'));
    expect(nextAutomaticTransition(s)).toEqual({ at: at('14:00'), command: { type: 'auto.start', sessionId: 'one' }, key: 'start:one' });
    expect(holdTarget(s)).toMatchObject({ sessionId: 'one', held: true });
    const held = send(s, { type: 'session.hold', sessionId: 'one' }, at('13:10'));
    expect(nextAutomaticTransition(held)).toBeNull();
    expect(pendingScheduledStart(held)).toBeNull();
    expect(holdTarget(held)).toMatchObject({ sessionId: 'one', held: false });
    const released = send(held, { type: 'session.hold', sessionId: 'one', held: false }, at('13:20'));
    expect(nextAutomaticTransition(released)?.at).toBe(at('14:00'));
  });

  it('never starts a session whose planned start passed before the state was set (an agenda loaded late)', () => {
    const s = send(fresh(agenda()), { type: 'message.booth', text: 'hello' }, at('14:05'));
    expect(nextAutomaticTransition(s)).toBeNull();
  });

  it('a moderator who starts early cancels the automatic start', () => {
    const s = send(fresh(agenda()), { type: 'start' }, at('13:58'));
    expect(nextAutomaticTransition(s)?.command).toEqual({ type: 'auto.advance', itemId: 'a' });
  });

  it('auto-advance follows pauses and added time; taking time away makes it due at once, never before the change', () => {
    let s = send(fresh(agenda()), { type: 'start' }, at('14:00'));
    expect(nextAutomaticTransition(s)?.at).toBe(at('14:10:30'));
    s = send(s, { type: 'pause' }, at('14:02'));
    expect(nextAutomaticTransition(s)).toBeNull();
    s = send(s, { type: 'resume' }, at('14:05'));
    expect(nextAutomaticTransition(s)?.at).toBe(at('14:13:30'));
    s = send(s, { type: 'adjust', seconds: -600 }, at('14:06'));
    expect(nextAutomaticTransition(s)?.at).toBe(at('14:06'));
  });

  it('an end-by item counts to its time of day, pauses or not; time cannot be added to it, but its end can move', () => {
    let s = send(fresh(agenda()), { type: 'goto', itemId: 'b' }, at('16:00'));
    s = send(s, { type: 'start' }, at('16:00'));
    s = send(s, { type: 'pause' }, at('16:10'));
    const b = () => timedItemOf(s.agenda, s.report, s.agenda.sessions[0]!.items[1]!);
    expect(remainingMs(s.clock, b(), at('16:20'))).toBe(10 * MINUTE);
    expect(elapsedMs(s.clock, at('16:20'))).toBe(10 * MINUTE);
    expect(refused(s, { type: 'adjust', seconds: 60 }, at('16:20'))).toMatchObject({ code: 'end-by-item', path: 'seconds' });
    s = send(s, { type: 'item.update', itemId: 'b', patch: { endAt: '16:45' } }, at('16:21'));
    expect(remainingMs(s.clock, b(), at('16:21'))).toBe(24 * MINUTE);
    // The projection treats it as a fixed end: c follows at 16:45 whatever the pause.
    const c = projectSchedule(s, at('16:21')).items.find((i) => i.itemId === 'c')!;
    expect(c.projectedStart).toBe(at('16:45'));
  });

  it('fires each transition once: after an advance, going back to an item over time does not advance again', () => {
    let s = send(fresh(agenda()), { type: 'start' }, at('14:00'));
    s = send(s, { type: 'auto.advance', itemId: 'a' }, at('14:10:30'));
    expect(s.clock).toMatchObject({ currentItemId: 'b', status: 'running' });
    s = send(s, { type: 'previous' }, at('14:11'));
    expect(s.clock.currentItemId).toBe('a');
    expect(nextAutomaticTransition(s)).toBeNull();
  });
});

describe('extra timers', () => {
  it('count down and up from their anchors, across pauses; reset goes back to the full length', () => {
    let s = send(fresh(agenda()), { type: 'aux.set', timerId: 1, durationSec: 900, direction: 'down', label: 'Coffee break ends', views: ['audience'] }, at('10:00'));
    s = send(s, { type: 'aux.start', timerId: 1 }, at('10:00'));
    s = send(s, { type: 'aux.set', timerId: 2, durationSec: 0, direction: 'up' }, at('10:00'));
    s = send(s, { type: 'aux.start', timerId: 2 }, at('10:01'));
    s = send(s, { type: 'aux.pause', timerId: 1 }, at('10:05'));
    expect(auxShownMs(s.aux['1'], at('10:30'))).toBe(10 * MINUTE);
    s = send(s, { type: 'aux.start', timerId: 1 }, at('10:30'));
    expect(auxShownMs(s.aux['1'], at('10:40:01'))).toBe(-1 * SECOND);
    expect(auxShownMs(s.aux['2'], at('10:02'))).toBe(MINUTE);
    expect(s.aux['1']).toMatchObject({ label: 'Coffee break ends', views: ['audience'] });
    s = send(s, { type: 'aux.reset', timerId: 1 }, at('10:41'));
    expect(auxShownMs(s.aux['1'], at('11:00'))).toBe(15 * MINUTE);
  });
});

describe('times of day in the event zone, across a DST change', () => {
  // 29 March 2026: Central Europe moves to summer time at 02:00 (UTC+1 → UTC+2); Beijing has no DST.
  it.each([
    ['Europe/Berlin', Date.UTC(2026, 2, 29, 7, 0), Date.UTC(2026, 2, 29, 8, 30)],
    ['Asia/Shanghai', Date.UTC(2026, 2, 29, 1, 0), Date.UTC(2026, 2, 29, 2, 30)],
  ])('%s: the 09:00 start and the 10:30 end-by are the right instants', (timezone, startUtc, endUtc) => {
    const zoned = makeAgenda({
      date: '2026-03-29',
      timezone,
      sessions: [makeSession({ id: 'z', plannedStart: '09:00', plannedEnd: '11:00', autoStart: true, items: [makeItem({ id: 'z1', endAt: '10:30', autoAdvance: { graceSec: 0 } }), makeItem({ id: 'z2', durationSec: 60 })] })],
    });
    let s = send(fresh(zoned), { type: 'message.booth', text: 'doors open' }, (startUtc - 3 * 3_600_000) as never);
    expect(nextAutomaticTransition(s)?.at).toBe(startUtc);
    s = send(s, { type: 'auto.start', sessionId: 'z' }, startUtc as never);
    expect(nextAutomaticTransition(s)).toMatchObject({ at: endUtc, command: { type: 'auto.advance', itemId: 'z1' } });
  });
});
