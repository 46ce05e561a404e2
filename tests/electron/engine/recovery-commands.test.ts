import { describe, expect, it } from 'vitest';
import type { RostrumState } from '../../../shared/contract/state';
import { projectSchedule } from '../../../shared/schedule/projection';
import { undoPlan } from '../../../shared/schedule/recovery-undo';
import { at, loadSample } from '../../builders';
import { fresh, itemOf, refused, send } from './engine-builders';

const sample = loadSample();
const durations = (state: RostrumState) =>
  Object.fromEntries(state.agenda.sessions.flatMap((s) => s.items).map((i) => [i.id, i.durationSec ?? null]));

/**
 * The pinned example driven through the engine: the first speaker starts at 14:00 and is moved on
 * at 14:10 (3:00 over); open-cao runs from 14:10; the event is +1:00.
 */
function lateByAMinute(): RostrumState {
  let s = fresh(sample);
  s = send(s, { type: 'start', expectedItemId: 'open-local-gov' }, at('14:00'));
  s = send(s, { type: 'next', expectedItemId: 'open-local-gov' }, at('14:10'));
  expect(s.clock).toMatchObject({ status: 'running', currentItemId: 'open-cao' });
  expect(projectSchedule(s, at('14:10')).driftMs).toBe(60_000);
  return s;
}

const CUT_IDS = ['open-sun', 'open-lee', 's1-martinez', 's1-sharpe', 's1-yoon', 's1-wang', 's2-humen-enterprise', 's2-hur', 's2-tang', 's2-saieed'];

describe('recovery.apply', () => {
  it('shortens the upcoming items so the event ends on time, and keeps their old durations for undo', () => {
    const s0 = lateByAMinute();
    const s1 = send(s0, { type: 'recovery.apply', expectedItemId: 'open-cao' }, at('14:10'));
    expect(s1.revision).toBe(s0.revision + 1);
    expect(s1.recovery).toMatchObject({
      appliedAt: at('14:10'),
      previous: {
        'open-sun': 420,
        'open-lee': 420,
        's1-martinez': 900,
        's1-sharpe': 900,
        's1-yoon': 900,
        's1-wang': 300,
        's2-humen-enterprise': 900,
        's2-hur': 900,
        's2-tang': 900,
        's2-saieed': 300,
      },
    });
    const before = durations(s0);
    const after = durations(s1);
    expect(s1.recovery?.applied).toEqual(Object.fromEntries(CUT_IDS.map((id) => [id, after[id]])));
    for (const id of CUT_IDS) {
      expect(after[id]).toBeLessThan(before[id]!);
      expect(after[id]).toBeGreaterThan(before[id]! * 0.9);
    }
    // What ran, the running item and the untimed closing are left as they were.
    for (const id of ['open-local-gov', 'open-cao', 'close-martinez', 'close-chen']) expect(after[id]).toBe(before[id]);
    expect(itemOf(s1, 'open-cao')).toBe(itemOf(s0, 'open-cao'));
    // Only durations change.
    expect(itemOf(s1, 's1-yoon')).toEqual({ ...itemOf(s0, 's1-yoon'), durationSec: after['s1-yoon'] });
    expect(s1.clock).toBe(s0.clock);
    expect(s1.report).toBe(s0.report);
    expect(s1.booth).toBe(s0.booth);
    const schedule = projectSchedule(s1, at('14:10'));
    expect(schedule.driftMs).toBeLessThanOrEqual(0);
    expect(schedule.projectedEnd).toBe(at('16:30'));
  });

  it('works without expectedItemId', () => {
    const s1 = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    expect(Object.keys(s1.recovery!.previous)).toEqual(CUT_IDS);
  });

  it('refuses when the event is on time: nothing-to-recover', () => {
    let s = fresh(sample);
    expect(refused(s, { type: 'recovery.apply' }, at('13:45'))).toMatchObject({ code: 'nothing-to-recover' });
    // 2:00 over is absorbed by the opening's spare time.
    s = send(s, { type: 'start' }, at('14:00'));
    s = send(s, { type: 'next' }, at('14:09'));
    expect(refused(s, { type: 'recovery.apply', expectedItemId: 'open-cao' }, at('14:09'))).toMatchObject({
      code: 'nothing-to-recover',
    });
  });

  it('refuses once applied: the event is on time again', () => {
    const s1 = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    expect(refused(s1, { type: 'recovery.apply' }, at('14:10'))).toMatchObject({ code: 'nothing-to-recover' });
  });

  it('refuses a stale expectedItemId (someone moved on), before planning anything', () => {
    const s = lateByAMinute();
    expect(refused(s, { type: 'recovery.apply', expectedItemId: 'open-local-gov' }, at('14:10'))).toMatchObject({
      code: 'stale-item',
      path: 'expectedItemId',
    });
    expect(s.recovery).toBeNull();
  });
});

describe('recovery.undo', () => {
  it('gives the items their durations back and clears the undo', () => {
    const s0 = lateByAMinute();
    const s1 = send(s0, { type: 'recovery.apply' }, at('14:10'));
    const s2 = send(s1, { type: 'recovery.undo' }, at('14:12'));
    expect(s2.revision).toBe(s1.revision + 1);
    expect(s2.recovery).toBeNull();
    expect(durations(s2)).toEqual(durations(s0));
    expect(s2.agenda).toEqual(s0.agenda);
    expect(s2.clock).toBe(s1.clock);
    expect(projectSchedule(s2, at('14:10')).driftMs).toBe(60_000);
  });

  it('refuses with nothing applied: nothing-to-undo', () => {
    expect(refused(fresh(sample), { type: 'recovery.undo' }, at('14:00'))).toMatchObject({ code: 'nothing-to-undo' });
  });

  it('refuses a second undo', () => {
    const s1 = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    const s2 = send(s1, { type: 'recovery.undo' }, at('14:10'));
    expect(refused(s2, { type: 'recovery.undo' }, at('14:10'))).toMatchObject({ code: 'nothing-to-undo' });
  });

  it('restores only the items still in the agenda', () => {
    let s = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    s = send(s, { type: 'item.remove', itemId: 's1-wang' }, at('14:11'));
    s = send(s, { type: 'recovery.undo' }, at('14:12'));
    expect(itemOf(s, 's1-wang')).toBeUndefined();
    expect(itemOf(s, 's1-yoon')?.durationSec).toBe(900);
    expect(itemOf(s, 'open-sun')?.durationSec).toBe(420);
    expect(s.recovery).toBeNull();
  });

  it('keeps what was edited by hand since the recovery, and reverts the rest', () => {
    let s = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    const cutYoon = itemOf(s, 's1-yoon')!.durationSec!;
    expect(cutYoon).toBeLessThan(900);
    // The chair sets Yoon to 10:00 by hand after the cut; Wang is edited and then put back to the cut.
    s = send(s, { type: 'item.update', itemId: 's1-yoon', patch: { durationSec: 600 } }, at('14:11'));
    const cutWang = itemOf(s, 's1-wang')!.durationSec!;
    s = send(s, { type: 'item.update', itemId: 's1-wang', patch: { durationSec: 120 } }, at('14:11'));
    s = send(s, { type: 'item.update', itemId: 's1-wang', patch: { durationSec: cutWang } }, at('14:11'));
    expect(undoPlan(s.recovery!, s.agenda).kept).toEqual(['s1-yoon']);
    s = send(s, { type: 'recovery.undo' }, at('14:12'));
    expect(itemOf(s, 's1-yoon')?.durationSec).toBe(600);
    expect(itemOf(s, 's1-wang')?.durationSec).toBe(300);
    expect(itemOf(s, 'open-sun')?.durationSec).toBe(420);
    expect(itemOf(s, 's2-hur')?.durationSec).toBe(900);
    expect(s.recovery).toBeNull();
  });

  it('a recovery saved before the cut durations were kept reverts every item, as before', () => {
    let s = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    const { applied: _applied, ...older } = s.recovery!;
    s = { ...s, recovery: older };
    s = send(s, { type: 'item.update', itemId: 's1-yoon', patch: { durationSec: 600 } }, at('14:11'));
    expect(undoPlan(s.recovery!, s.agenda).kept).toEqual([]);
    s = send(s, { type: 'recovery.undo' }, at('14:12'));
    expect(itemOf(s, 's1-yoon')?.durationSec).toBe(900);
  });

  it('a new agenda is a new event: the undo of the old one is dropped', () => {
    let s = send(lateByAMinute(), { type: 'recovery.apply' }, at('14:10'));
    s = send(s, { type: 'agenda.replace', agenda: sample }, at('14:11'));
    expect(s.recovery).toBeNull();
    expect(refused(s, { type: 'recovery.undo' }, at('14:12'))).toMatchObject({ code: 'nothing-to-undo' });
  });
});
