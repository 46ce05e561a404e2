import { describe, expect, it } from 'vitest';
import { recordOf } from '../../../shared/report/report-types';
import { MINUTE, SECOND, at, makeAgenda, makeItem, makeSession } from '../../builders';
import { TimingRig } from './timing-rig';

/**
 * An 8-hour day (17 Nov 2022, Beijing) run by the real core and scheduler on a hand-cranked clock,
 * with pauses, time added, a hold and two kills of the server across due transitions. Every
 * automatic transition must land on its exact millisecond, exactly once.
 */
function day() {
  return makeAgenda({
    sessions: [
      makeSession({
        id: 'morning',
        plannedStart: '09:00',
        plannedEnd: '10:30',
        autoStart: true,
        autoAdvance: { graceSec: 10 },
        items: [makeItem({ id: 'm1', durationSec: 1200 }), makeItem({ id: 'm2', durationSec: 1200 }), makeItem({ id: 'm3', endAt: '10:30' })],
      }),
      makeSession({
        id: 'late',
        plannedStart: '10:45',
        plannedEnd: '12:00',
        autoStart: true,
        autoAdvance: 'roll',
        // r2 and r3 have no duration: they roll at the end of their planned share, (75 − 25) / 2 = 25 min.
        items: [makeItem({ id: 'r1', durationSec: 1500 }), makeItem({ id: 'r2' }), makeItem({ id: 'r3' })],
      }),
      makeSession({
        id: 'afternoon',
        plannedStart: '13:30',
        plannedEnd: '15:00',
        autoStart: true,
        items: [makeItem({ id: 'a1', durationSec: 1800 }), makeItem({ id: 'a2', durationSec: 1800 })],
      }),
      makeSession({
        id: 'closing',
        plannedStart: '16:00',
        plannedEnd: '17:00',
        autoStart: true,
        items: [makeItem({ id: 'c1', durationSec: 1200 }), makeItem({ id: 'c2', durationSec: 1200 })],
      }),
    ],
  });
}

describe('automatic transitions over an 8-hour day', () => {
  it('fire at their own millisecond, exactly once, across pauses, adjustments, a hold and restarts', () => {
    const rig = new TimingRig(day(), at('08:00'));
    const ok = { ok: true };

    // 09:00 the morning starts itself. m1 is paused 2 min and given 1 min: time up 09:23, + 10 s grace.
    expect(rig.send({ type: 'pause' }, at('09:05'))).toMatchObject(ok);
    expect(rig.send({ type: 'resume' }, at('09:07'))).toMatchObject(ok);
    expect(rig.send({ type: 'adjust', seconds: 60 }, at('09:10'))).toMatchObject(ok);
    // m2 runs 09:23:10–09:43:10; the server is killed at 09:30 and back at 09:50: the advance due at
    // 09:43:20 is applied on start, at 09:43:20.
    rig.killAndRestart(at('09:30'), at('09:50'));
    expect(rig.state.clock.currentItemId).toBe('m3');
    // m3 ends by 10:30: time cannot be added to it.
    expect(rig.send({ type: 'adjust', seconds: 60 }, at('10:00'))).toMatchObject({ ok: false, error: { code: 'end-by-item', path: 'seconds' } });
    // 10:30:10 m3 is left; r1 (next session) waits loaded; 10:45 the session starts itself; roll from there.
    // r2 is paused 5 min: it rolls at 11:40 instead of 11:35; r3 then ends 12:05, across a second restart.
    expect(rig.send({ type: 'pause' }, at('11:20'))).toMatchObject(ok);
    expect(rig.send({ type: 'resume' }, at('11:25'))).toMatchObject(ok);
    rig.killAndRestart(at('11:50'), at('12:30'));
    expect(rig.state.clock).toMatchObject({ currentItemId: 'a1', status: 'idle' });
    // 13:30 the afternoon starts itself: a console command 3 ms later, before the (late) timer, comes after it.
    expect(rig.send({ type: 'message.speaker', text: 'Welcome back' }, at('13:30') + 3 as never)).toMatchObject(ok);
    expect(rig.send({ type: 'next' }, at('14:05'))).toMatchObject(ok);
    expect(rig.send({ type: 'pause' }, at('14:40'))).toMatchObject(ok);
    expect(rig.send({ type: 'next' }, at('14:41'))).toMatchObject(ok);
    // The moderator holds the closing: 16:00 passes (across a restart) and nothing starts; started by hand at 16:02.
    expect(rig.send({ type: 'session.hold', sessionId: 'closing' }, at('15:00'))).toMatchObject(ok);
    rig.killAndRestart(at('15:59'), at('16:01'));
    expect(rig.state.clock.status).toBe('idle');
    expect(rig.send({ type: 'start' }, at('16:02'))).toMatchObject(ok);
    rig.crank(at('17:00'));

    expect(rig.fired.map((f) => [f.type, f.at - at('00:00')])).toEqual(
      [
        ['start:morning', at('09:00')],
        ['advance:m1', at('09:23:10')],
        ['advance:m2', at('09:43:20')],
        ['advance:m3', at('10:30:10')],
        ['start:late', at('10:45')],
        ['advance:r1', at('11:10')],
        ['advance:r2', at('11:40')],
        ['advance:r3', at('12:05')],
        ['start:afternoon', at('13:30')],
      ].map(([key, when]) => [key, (when as number) - at('00:00')]),
    );
    // The anchored clock reads as if a person had pressed on that millisecond: each start is recorded there.
    const rec = (id: string) => recordOf(rig.state.report, id)!;
    expect(rec('m1')).toMatchObject({ actualStart: at('09:00'), actualEnd: at('09:23:10'), startedAutomatically: true, endedAutomatically: true });
    expect(rec('m2')).toMatchObject({ actualStart: at('09:23:10'), actualEnd: at('09:43:20'), elapsedMs: 20 * MINUTE + 10 * SECOND });
    expect(rec('m3')).toMatchObject({ actualStart: at('09:43:20'), actualEnd: at('10:30:10'), endedAutomatically: true });
    expect(rec('r1')).toMatchObject({ actualStart: at('10:45'), actualEnd: at('11:10'), elapsedMs: 25 * MINUTE, startedAutomatically: true });
    expect(rec('r3')).toMatchObject({ actualStart: at('11:40'), actualEnd: at('12:05'), elapsedMs: 25 * MINUTE });
    expect(rec('a1')).toMatchObject({ actualStart: at('13:30'), startedAutomatically: true });
    expect(rec('a1').endedAutomatically).toBeUndefined();
    expect(rec('c1').actualStart).toBe(at('16:02'));
    expect(rec('c1').startedAutomatically).toBeUndefined();
    // The restarts applied the missed transitions on start, not when their timers would have run.
    expect(rig.fired.find((f) => f.type === 'advance:m2')!.ranAt).toBe(at('09:50'));
    expect(rig.fired.find((f) => f.type === 'advance:r3')!.ranAt).toBe(at('12:30'));
    expect(rig.state.timing.fired).toHaveLength(9);
  });
});
