import { describe, expect, it } from 'vitest';
import { withDurations } from '../../../shared/agenda/agenda-transforms';
import type { Agenda } from '../../../shared/agenda/agenda-schema';
import type { ClockState } from '../../../shared/clock/clock-state';
import type { Report } from '../../../shared/report/report-types';
import { projectSchedule, type ProjectionInput } from '../../../shared/schedule/projection';
import { MAX_CUT_FRACTION, MIN_ITEM_SEC, recoveryPlan, type RecoveryCut } from '../../../shared/schedule/recovery';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { MINUTE, at, idleClock, loadSample, makeAgenda, makeItem, makeSession, ran, runningClock } from '../../builders';

const sample = loadSample();
const hm = (t: Instant | null) => (t === null ? null : timeOfDayIn(t, 'Asia/Shanghai'));
const cutAgenda = (agenda: Agenda, cuts: RecoveryCut[]) => withDurations(agenda, new Map(cuts.map((c) => [c.itemId, c.toSec])));
const durationOf = (agenda: Agenda, id: string) => agenda.sessions.flatMap((s) => s.items).find((i) => i.id === id)?.durationSec;
const lost = (c: RecoveryCut) => c.fromSec - c.toSec;

/** With the sample agenda, as in projection.test.ts: the first speaker ran 14:00–14:10 (3:00 over), open-cao runs since 14:10. */
function pinnedExample(agenda: Agenda = sample): { input: ProjectionInput; now: Instant } {
  const report: Report = { 'open-local-gov': ran(at('14:00'), at('14:10')), 'open-cao': ran(at('14:10')) };
  const clock: ClockState = runningClock({ itemId: 'open-cao', since: at('14:10') });
  return { input: { agenda, clock, report }, now: at('14:10') };
}

/** The first speaker, planned for 7:00, is still speaking at `hhmm`. */
function firstSpeakerStillOn(hhmm: string, agenda: Agenda = sample): { input: ProjectionInput; now: Instant } {
  const report: Report = { 'open-local-gov': ran(at('14:00')) };
  const clock = runningClock({ itemId: 'open-local-gov', since: at('14:00') });
  return { input: { agenda, clock, report }, now: at(hhmm) };
}

/**
 * Cuts are one equal share of each item's duration, rounded to whole seconds: some fraction f
 * must explain every cut to within a second.
 */
function expectOneShare(cuts: RecoveryCut[]) {
  const lowest = Math.max(...cuts.map((c) => (lost(c) - 1) / c.fromSec));
  const highest = Math.min(...cuts.map((c) => (lost(c) + 1) / c.fromSec));
  expect(lowest).toBeLessThan(highest);
}

describe('on time', () => {
  it('before the start, nothing to recover', () => {
    const plan = recoveryPlan({ agenda: sample, clock: idleClock('open-local-gov'), report: {} }, at('13:45'));
    expect(plan).toEqual({ lateMs: 0, cuts: [], remainingLateMs: 0 });
  });

  it('a 2:00 overrun absorbed by the spare time of the opening needs no cuts', () => {
    const report: Report = { 'open-local-gov': ran(at('14:00'), at('14:09')), 'open-cao': ran(at('14:09')) };
    const plan = recoveryPlan({ agenda: sample, clock: runningClock({ itemId: 'open-cao', since: at('14:09') }), report }, at('14:09'));
    expect(plan).toEqual({ lateMs: 0, cuts: [], remainingLateMs: 0 });
  });

  it('running early is not lateness to recover', () => {
    const report: Report = {};
    // Everything up to the closing ran to plan except s2-saieed, who finished 4:00 early (16:06).
    const items = sample.sessions.flatMap((s) => s.items);
    let t = at('14:00');
    for (const item of items.slice(0, 12)) {
      const end = (t + (item.id === 's2-saieed' ? 60_000 : item.durationSec! * 1000)) as Instant;
      report[item.id] = ran(t, end);
      t = end;
    }
    report['close-martinez'] = ran(at('16:06'));
    const input = { agenda: sample, clock: runningClock({ itemId: 'close-martinez', since: at('16:06') }), report };
    const plan = recoveryPlan(input, at('16:06'));
    expect(plan.cuts).toEqual([]);
    expect(plan.remainingLateMs).toBe(0);
    expect(plan.lateMs).toBeLessThanOrEqual(0);
  });
});

describe('the pinned example: first speaker 3:00 over, event +1:00', () => {
  const { input, now } = pinnedExample();
  const plan = recoveryPlan(input, now);
  const after = projectSchedule({ ...input, agenda: cutAgenda(sample, plan.cuts) }, now);

  it('reports the lateness it starts from', () => {
    expect(projectSchedule(input, now).driftMs).toBe(MINUTE);
    expect(plan.lateMs).toBe(MINUTE);
  });

  it('the cuts, applied to the agenda, bring the projected end back to 16:30', () => {
    expect(plan.cuts.length).toBeGreaterThan(0);
    expect(after.driftMs).toBeLessThanOrEqual(0);
    expect(hm(after.projectedEnd)).toBe('16:30');
    expect(after.projectedEnd).toBe(at('16:30'));
    expect(plan.remainingLateMs).toBe(0);
  });

  it('cuts only upcoming timed items: not what ran, not the running item, not items without a duration', () => {
    expect(plan.cuts.map((c) => c.itemId)).toEqual([
      'open-sun',
      'open-lee',
      's1-martinez',
      's1-sharpe',
      's1-yoon',
      's1-wang',
      's2-humen-enterprise',
      's2-hur',
      's2-tang',
      's2-saieed',
    ]);
    for (const c of plan.cuts) expect(c.fromSec).toBe(durationOf(sample, c.itemId));
  });

  it('cuts in proportion to duration: a 15:00 talk loses 3× what a 5:00 commentary loses, give or take whole-second rounding', () => {
    const talk = plan.cuts.find((c) => c.itemId === 's1-martinez')!;
    const comment = plan.cuts.find((c) => c.itemId === 's1-wang')!;
    const opening = plan.cuts.find((c) => c.itemId === 'open-sun')!;
    expect(lost(comment)).toBeGreaterThan(0);
    // Each cut is its share rounded to a whole second, so 3 × the commentary's is off by at most 3 s.
    expect(Math.abs(lost(talk) - 3 * lost(comment))).toBeLessThanOrEqual(3);
    expect(lost(talk)).toBeGreaterThan(lost(opening));
    expect(lost(opening)).toBeGreaterThan(lost(comment));
    // Items of the same length lose the same.
    expect(new Set(plan.cuts.filter((c) => c.fromSec === 900).map(lost)).size).toBe(1);
    expectOneShare(plan.cuts);
  });

  it('cuts no more than needed: about the minute of lateness in all, not minutes', () => {
    const total = plan.cuts.reduce((sum, c) => sum + lost(c), 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThan(90);
  });
});

describe('a larger overrun: the first speaker still on at 14:47 (40:00 over)', () => {
  const { input, now } = firstSpeakerStillOn('14:47');
  const plan = recoveryPlan(input, now);
  const after = projectSchedule({ ...input, agenda: cutAgenda(sample, plan.cuts) }, now);

  it('is recovered in full', () => {
    expect(plan.lateMs).toBe(38 * MINUTE);
    // On time to within the rounding of the cuts to whole seconds (sessions follow each other).
    expect(at('16:30') - after.projectedEnd!).toBeGreaterThanOrEqual(0);
    expect(at('16:30') - after.projectedEnd!).toBeLessThan(5_000);
    expect(plan.remainingLateMs).toBe(0);
  });

  it('follows the event setting: anchored, the closing waits for 16:10 and the cut lands on 16:30 exactly', () => {
    const anchored = { ...sample, sessionsPullForward: false };
    const fixed = firstSpeakerStillOn('14:47', anchored);
    const anchoredPlan = recoveryPlan(fixed.input, fixed.now);
    expect(anchoredPlan.lateMs).toBe(38 * MINUTE);
    expect(projectSchedule({ ...fixed.input, agenda: cutAgenda(anchored, anchoredPlan.cuts) }, fixed.now).projectedEnd).toBe(at('16:30'));
  });

  it('leaves the running first speaker alone, cuts open-cao (now upcoming), not the closing', () => {
    const ids = plan.cuts.map((c) => c.itemId);
    expect(ids).not.toContain('open-local-gov');
    expect(ids).toContain('open-cao');
    expect(ids).not.toContain('close-martinez');
    expect(ids).not.toContain('close-chen');
  });

  it('a 15:00 talk loses 3× what a 5:00 commentary loses, to the second', () => {
    const talk = plan.cuts.find((c) => c.itemId === 's2-hur')!;
    const comment = plan.cuts.find((c) => c.itemId === 's2-saieed')!;
    expect(lost(comment)).toBeGreaterThan(60);
    expect(Math.abs(lost(talk) - 3 * lost(comment))).toBeLessThanOrEqual(3);
    expectOneShare(plan.cuts);
  });

  it('cuts nothing by more than half', () => {
    for (const c of plan.cuts) {
      expect(c.toSec).toBeGreaterThanOrEqual(c.fromSec * (1 - MAX_CUT_FRACTION));
      expect(c.toSec).toBeGreaterThanOrEqual(MIN_ITEM_SEC);
    }
  });
});

describe('fixed items', () => {
  const fixedIds = ['s1-yoon', 's2-tang'];
  const agenda: Agenda = {
    ...sample,
    sessions: sample.sessions.map((s) => ({ ...s, items: s.items.map((i) => (fixedIds.includes(i.id) ? { ...i, fixed: true } : i)) })),
  };

  it('are never cut; the others recover the lateness without them', () => {
    const { input, now } = pinnedExample(agenda);
    const plan = recoveryPlan(input, now);
    const ids = plan.cuts.map((c) => c.itemId);
    expect(ids).toEqual(['open-sun', 'open-lee', 's1-martinez', 's1-sharpe', 's1-wang', 's2-humen-enterprise', 's2-hur', 's2-saieed']);
    expect(projectSchedule({ ...input, agenda: cutAgenda(agenda, plan.cuts) }, now).projectedEnd).toBe(at('16:30'));
  });

  it('keep their full length even when the others are cut to the maximum', () => {
    const { input, now } = firstSpeakerStillOn('15:30', agenda);
    const plan = recoveryPlan(input, now);
    expect(plan.cuts.map((c) => c.itemId)).not.toContain('s1-yoon');
    expect(plan.cuts.map((c) => c.itemId)).not.toContain('s2-tang');
    expect(plan.remainingLateMs).toBeGreaterThan(0);
  });
});

describe('when the lateness exceeds what cuts can recover', () => {
  // The first speaker has held the floor for 90 minutes.
  const { input, now } = firstSpeakerStillOn('15:30');
  const plan = recoveryPlan(input, now);

  it('cuts every eligible item by the most allowed: half', () => {
    expect(plan.cuts).toEqual([
      { itemId: 'open-cao', fromSec: 420, toSec: 210 },
      { itemId: 'open-sun', fromSec: 420, toSec: 210 },
      { itemId: 'open-lee', fromSec: 420, toSec: 210 },
      { itemId: 's1-martinez', fromSec: 900, toSec: 450 },
      { itemId: 's1-sharpe', fromSec: 900, toSec: 450 },
      { itemId: 's1-yoon', fromSec: 900, toSec: 450 },
      { itemId: 's1-wang', fromSec: 300, toSec: 150 },
      { itemId: 's2-humen-enterprise', fromSec: 900, toSec: 450 },
      { itemId: 's2-hur', fromSec: 900, toSec: 450 },
      { itemId: 's2-tang', fromSec: 900, toSec: 450 },
      { itemId: 's2-saieed', fromSec: 300, toSec: 150 },
    ]);
  });

  it('reports what is left over: the drift with every cut applied (+20:30)', () => {
    // 15:30 + 10:30 (opening) + 25:00 + 25:00 + 20:00 (closing, uncut) = 16:50:30.
    const after = projectSchedule({ ...input, agenda: cutAgenda(sample, plan.cuts) }, now);
    expect(plan.lateMs).toBe(81 * MINUTE);
    expect(after.projectedEnd).toBe(at('16:50:30'));
    expect(plan.remainingLateMs).toBe(after.driftMs);
    expect(plan.remainingLateMs).toBe(20 * MINUTE + 30_000);
  });
});

describe('the limits, on odd durations', () => {
  // x runs since 09:00 and it is 10:30: far more late than anything can recover.
  const agenda = makeAgenda({
    sessions: [
      makeSession({
        id: 'm',
        plannedStart: '09:00',
        plannedEnd: '10:00',
        items: [
          makeItem({ id: 'x', durationSec: 600 }),
          makeItem({ id: 'y', durationSec: 301 }),
          makeItem({ id: 'z', durationSec: 121 }),
          makeItem({ id: 'w', durationSec: 61 }),
          makeItem({ id: 'v', durationSec: 60 }),
          makeItem({ id: 'u', durationSec: 600, fixed: true }),
          makeItem({ id: 'n' }),
        ],
      }),
    ],
  });
  const input: ProjectionInput = { agenda, clock: runningClock({ itemId: 'x', since: at('09:00') }), report: { x: ran(at('09:00')) } };
  const plan = recoveryPlan(input, at('10:30'));

  it('no item is cut below 60 s or by more than half its length', () => {
    expect(plan.remainingLateMs).toBeGreaterThan(0);
    for (const c of plan.cuts) {
      expect(c.toSec).toBeGreaterThanOrEqual(MIN_ITEM_SEC);
      expect(lost(c)).toBeLessThanOrEqual(c.fromSec * MAX_CUT_FRACTION);
    }
  });

  it('each eligible item is at its maximum cut; items of 60 s or less, fixed ones and untimed ones are left alone', () => {
    expect(plan.cuts).toEqual([
      { itemId: 'y', fromSec: 301, toSec: 151 },
      { itemId: 'z', fromSec: 121, toSec: 61 },
      { itemId: 'w', fromSec: 61, toSec: 60 },
    ]);
  });
});
