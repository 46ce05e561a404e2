import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../shared/agenda/agenda-schema';
import type { ClockState } from '../../../shared/clock/clock-state';
import { formatSignedDuration } from '../../../shared/clock/format';
import type { Report } from '../../../shared/report/report-types';
import { anchorOffsetMs, isLive } from '../../../shared/schedule/anchor';
import { buildPlan, unallocatedShareMs } from '../../../shared/schedule/plan';
import { projectSchedule, type Schedule } from '../../../shared/schedule/projection';
import type { Instant } from '../../../shared/time/instant';
import { dateIn, timeOfDayIn } from '../../../shared/time/zoned-time';
import {
  MINUTE,
  at,
  endedClock,
  idleClock,
  loadSample,
  makeAgenda,
  makeItem,
  makeSession,
  pausedClock,
  ran,
  runningClock,
  withSkipped,
} from '../../builders';

const sample = loadSample();
/** The sample with sessions anchored to their planned start (`sessionsPullForward: false`). */
const anchored: Agenda = { ...sample, sessionsPullForward: false };
const BEIJING = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

function project(agenda: Agenda, clock: ClockState, report: Report, now: Instant): Schedule {
  return projectSchedule({ agenda, clock, report }, now);
}
const itemOf = (s: Schedule, id: string) => {
  const found = s.items.find((i) => i.itemId === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const sessionOf = (s: Schedule, id: string) => {
  const found = s.sessions.find((x) => x.sessionId === id);
  if (!found) throw new Error(`no session ${id}`);
  return found;
};
/** Wall-clock HH:MM in Beijing (or another zone) of a projected instant. */
const hm = (t: Instant | null, zone = BEIJING) => (t === null ? null : timeOfDayIn(t, zone));

/**
 * The pinned example: the first speaker starts at 14:00 and overruns by 3:00 (next at 14:10);
 * the second speaker has been running since 14:10; it is 14:10; everything else goes to plan.
 */
function pinnedExample(date = '2022-11-17', startHhmm = '14:00') {
  const start = at(startHhmm, date);
  const t = (ms: number) => (start + ms) as Instant;
  const report: Report = {
    'open-local-gov': ran(start, t(10 * MINUTE)),
    'open-cao': ran(t(10 * MINUTE)),
  };
  const clock = runningClock({ itemId: 'open-cao', since: t(10 * MINUTE) });
  return { report, clock, now: t(10 * MINUTE) };
}

describe('the pinned example (sample agenda, first speaker 3:00 over)', () => {
  const { report, clock, now } = pinnedExample();
  const s = project(sample, clock, report, now);

  it('projects the opening session to end at 14:31 instead of 14:30', () => {
    expect(hm(sessionOf(s, 'opening').plannedEnd)).toBe('14:30');
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:31');
    expect(sessionOf(s, 'opening').driftMs).toBe(1 * MINUTE);
  });

  it('makes the event +1:00 late: 16:31 Beijing, 09:31 in Berlin', () => {
    expect(s.anchorOffsetMs).toBe(0);
    expect(s.driftMs).toBe(60_000);
    expect(formatSignedDuration(s.driftMs)).toBe('+1:00');
    expect(s.plannedEnd).toBe(at('16:30'));
    expect(s.projectedEnd).toBe(at('16:31'));
    expect(hm(s.projectedEnd, BERLIN)).toBe('09:31');
    expect(dateIn(s.projectedEnd!, BERLIN)).toBe('2022-11-17');
  });

  it('lays out every item from there on', () => {
    const rows = s.items.map((i) => [i.itemId, i.progress, hm(i.projectedStart), hm(i.projectedEnd)]);
    expect(rows).toEqual([
      ['open-local-gov', 'done', '14:00', '14:10'],
      ['open-cao', 'current', '14:10', '14:17'],
      ['open-sun', 'upcoming', '14:17', '14:24'],
      ['open-lee', 'upcoming', '14:24', '14:31'],
      ['s1-martinez', 'upcoming', '14:31', '14:46'],
      ['s1-sharpe', 'upcoming', '14:46', '15:01'],
      ['s1-yoon', 'upcoming', '15:01', '15:16'],
      ['s1-wang', 'upcoming', '15:16', '15:21'],
      ['s2-humen-enterprise', 'upcoming', '15:21', '15:36'],
      ['s2-hur', 'upcoming', '15:36', '15:51'],
      ['s2-tang', 'upcoming', '15:51', '16:06'],
      ['s2-saieed', 'upcoming', '16:06', '16:11'],
      ['close-martinez', 'upcoming', '16:11', '16:21'],
      ['close-chen', 'upcoming', '16:21', '16:31'],
    ]);
    expect(s.sessions.map((x) => x.driftMs)).toEqual([MINUTE, MINUTE, MINUTE, MINUTE]);
  });

  it('keeps the actual times of what already happened', () => {
    expect(itemOf(s, 'open-local-gov')).toMatchObject({ actualStart: at('14:00'), actualEnd: at('14:10') });
    expect(itemOf(s, 'open-cao')).toMatchObject({ actualStart: at('14:10'), actualEnd: null });
  });
});

describe('anchoring on another date', () => {
  it('re-anchors the plan on the first actual start and gives the same +1:00', () => {
    const { report, clock, now } = pinnedExample('2026-11-29', '09:12');
    const s = project(sample, clock, report, now);
    expect(s.anchorOffsetMs).toBe(at('09:12', '2026-11-29') - at('14:00'));
    expect(itemOf(s, 'open-local-gov').plannedStart).toBe(at('09:12', '2026-11-29'));
    expect(s.plannedEnd).toBe(at('11:42', '2026-11-29'));
    expect(s.driftMs).toBe(60_000);
    expect(s.projectedEnd).toBe(at('11:43', '2026-11-29'));
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('09:43');
    expect(hm(itemOf(s, 's1-martinez').plannedStart)).toBe('09:42');
  });

  it('computes the offset from whichever item started first', () => {
    const report: Report = { 'open-cao': ran(at('09:12', '2026-11-29')) };
    // open-cao is planned for 14:07: the plan slides so that 14:07 becomes 09:12.
    expect(anchorOffsetMs(sample, report)).toBe(at('09:12', '2026-11-29') - at('14:07'));
  });

  it('does not re-anchor on the event date: a late start is drift', () => {
    const report: Report = { 'open-local-gov': ran(at('14:05')) };
    const s = project(sample, runningClock({ itemId: 'open-local-gov', since: at('14:05') }), report, at('14:05'));
    expect(s.anchorOffsetMs).toBe(0);
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:33');
    expect(s.driftMs).toBe(3 * MINUTE);
  });

  it('before the start on another date, the projection is the plan', () => {
    const now = at('09:00', '2026-11-29');
    const s = project(sample, idleClock('open-local-gov'), {}, now);
    const plan = buildPlan(sample);
    expect(isLive(sample, {}, now)).toBe(false);
    expect(s.anchorOffsetMs).toBe(0);
    expect(s.driftMs).toBe(0);
    expect(s.projectedEnd).toBe(plan.plannedEnd);
    for (const [i, item] of s.items.entries()) {
      expect(item.projectedStart).toBe(plan.items[i]!.plannedStart);
      expect(item.projectedEnd).toBe(plan.items[i]!.plannedEnd);
    }
    expect(s.items.map((i) => i.progress)).toEqual(['current', ...Array<string>(13).fill('upcoming')]);
  });
});

describe('live, before anything has run', () => {
  it('on the event date before 14:00, the projection is the plan', () => {
    const s = project(sample, idleClock('open-local-gov'), {}, at('13:45'));
    expect(hm(itemOf(s, 'open-local-gov').projectedStart)).toBe('14:00');
    expect(s.driftMs).toBe(0);
  });

  it('on the event date, a first item not yet started at 14:04 pushes everything from now', () => {
    const s = project(sample, idleClock('open-local-gov'), {}, at('14:04'));
    expect(hm(itemOf(s, 'open-local-gov').projectedStart)).toBe('14:04');
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:32');
    expect(s.driftMs).toBe(2 * MINUTE);
  });
});

describe('the session-start rule, sessions anchored to their planned start', () => {
  // The opening runs short: three speakers at 5:00 each, the fourth starts at 14:15.
  const report: Report = {
    'open-local-gov': ran(at('14:00'), at('14:05')),
    'open-cao': ran(at('14:05'), at('14:10')),
    'open-sun': ran(at('14:10'), at('14:15')),
    'open-lee': ran(at('14:15')),
  };

  it('a session that runs early ends early, but the next one waits for its planned start', () => {
    const s = project(anchored, runningClock({ itemId: 'open-lee', since: at('14:15') }), report, at('14:15'));
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:22');
    expect(sessionOf(s, 'opening').driftMs).toBe(-8 * MINUTE);
    expect(hm(itemOf(s, 's1-martinez').projectedStart)).toBe('14:30');
    expect(s.driftMs).toBe(0);
    expect(s.projectedEnd).toBe(at('16:30'));
  });

  it('a loaded first item of a session waits for its slot, then projects from now once it has passed', () => {
    const done: Report = { ...report, 'open-lee': ran(at('14:15'), at('14:22')) };
    const waiting = project(anchored, idleClock('s1-martinez'), done, at('14:25'));
    expect(itemOf(waiting, 'open-lee').progress).toBe('done');
    expect(hm(itemOf(waiting, 's1-martinez').projectedStart)).toBe('14:30');
    expect(waiting.driftMs).toBe(0);

    const late = project(anchored, idleClock('s1-martinez'), done, at('14:33'));
    expect(hm(itemOf(late, 's1-martinez').projectedStart)).toBe('14:33');
    expect(late.driftMs).toBe(3 * MINUTE);
  });

  it('spare time inside a session absorbs lateness (the opening has 2:00 spare)', () => {
    // First speaker 2:00 over: items end 14:30 exactly, nothing downstream moves.
    const r: Report = { 'open-local-gov': ran(at('14:00'), at('14:09')), 'open-cao': ran(at('14:09')) };
    const s = project(sample, runningClock({ itemId: 'open-cao', since: at('14:09') }), r, at('14:09'));
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:30');
    expect(s.driftMs).toBe(0);
  });
});

describe('sessions pulled forward (the default: agenda.sessionsPullForward absent or true)', () => {
  // The opening runs short, as above: it is over by 14:22, eight minutes early.
  const report: Report = {
    'open-local-gov': ran(at('14:00'), at('14:05')),
    'open-cao': ran(at('14:05'), at('14:10')),
    'open-sun': ran(at('14:10'), at('14:15')),
    'open-lee': ran(at('14:15')),
  };
  const done: Report = { ...report, 'open-lee': ran(at('14:15'), at('14:22')) };

  it.each([
    ['absent', sample],
    ['true', { ...sample, sessionsPullForward: true }],
  ] as const)('with the setting %s, the next session starts as soon as the opening ends, and the event runs early', (_name, agenda) => {
    const s = project(agenda, runningClock({ itemId: 'open-lee', since: at('14:15') }), report, at('14:15'));
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:22');
    expect(hm(itemOf(s, 's1-martinez').projectedStart)).toBe('14:22');
    expect(hm(sessionOf(s, 'session-1').projectedEnd)).toBe('15:12');
    expect(s.driftMs).toBe(-8 * MINUTE);
    expect(s.projectedEnd).toBe(at('16:22'));
  });

  it('a loaded first item of the next session projects from now, not from its planned slot', () => {
    const s = project(sample, idleClock('s1-martinez'), done, at('14:25'));
    expect(hm(itemOf(s, 's1-martinez').projectedStart)).toBe('14:25');
    expect(s.driftMs).toBe(-5 * MINUTE);
  });

  it('lateness still pushes later sessions, as when anchored', () => {
    const late: Report = { 'open-local-gov': ran(at('14:00'), at('14:10')), 'open-cao': ran(at('14:10')) };
    const clock = runningClock({ itemId: 'open-cao', since: at('14:10') });
    expect(project(sample, clock, late, at('14:10')).driftMs).toBe(MINUTE);
    expect(project(anchored, clock, late, at('14:10')).driftMs).toBe(MINUTE);
  });

  it('before anything has started, the projection is the plan, with gaps between sessions kept', () => {
    const gap = makeAgenda({
      sessions: [
        makeSession({ id: 'am', plannedStart: '09:00', plannedEnd: '10:00', items: [makeItem({ id: 'a', durationSec: 1800 })] }),
        makeSession({ id: 'pm', plannedStart: '14:00', plannedEnd: '15:00', items: [makeItem({ id: 'b', durationSec: 3600 })] }),
      ],
    });
    const s = project(gap, idleClock('a'), {}, at('08:00', gap.date));
    expect(hm(itemOf(s, 'b').projectedStart)).toBe('14:00');
    // Once started, an early morning pulls the afternoon forward; anchored, it waits for 14:00.
    const started: Report = { a: ran(at('09:00', gap.date), at('09:30', gap.date)) };
    const now = at('09:30', gap.date);
    expect(hm(itemOf(project(gap, idleClock('b'), started, now), 'b').projectedStart)).toBe('09:30');
    expect(hm(itemOf(project({ ...gap, sessionsPullForward: false }, idleClock('b'), started, now), 'b').projectedStart)).toBe('14:00');
  });
});

describe('skipped and missed items', () => {
  it('skipped items leave the projection and give their time back', () => {
    const { report, clock, now } = pinnedExample();
    const s = project(withSkipped(anchored, 's1-wang'), clock, report, now);
    expect(itemOf(s, 's1-wang')).toMatchObject({ progress: 'skipped', projectedStart: null, projectedEnd: null });
    expect(hm(sessionOf(s, 'session-1').projectedEnd)).toBe('15:16');
    // The 5:00 comment absorbs the 1:00 of drift; anchored, session II still waits for 15:20.
    expect(hm(itemOf(s, 's2-humen-enterprise').projectedStart)).toBe('15:20');
    expect(s.driftMs).toBe(0);
    // Pulled forward (the default), session II follows at 15:16 and the event ends 4:00 early.
    const pulled = project(withSkipped(sample, 's1-wang'), clock, report, now);
    expect(hm(itemOf(pulled, 's2-humen-enterprise').projectedStart)).toBe('15:16');
    expect(pulled.driftMs).toBe(-4 * MINUTE);
  });

  it('a skipped first item leaves the projection too: the next speaker takes the session start', () => {
    // Found bug: with nothing before it, the next item kept its own planned slot (14:07),
    // leaving a 7-minute hole at the start instead of starting at 14:00.
    const s = project(withSkipped(sample, 'open-local-gov'), idleClock('open-cao'), {}, at('13:30'));
    expect(itemOf(s, 'open-local-gov').progress).toBe('skipped');
    expect(hm(itemOf(s, 'open-cao').projectedStart)).toBe('14:00');
    expect(hm(sessionOf(s, 'opening').projectedEnd)).toBe('14:21');
  });

  it('skipping the last item of the event makes the event end early', () => {
    const s = project(withSkipped(sample, 'close-chen'), idleClock('open-local-gov'), {}, at('13:00'));
    expect(s.projectedEnd).toBe(at('16:20'));
    expect(s.driftMs).toBe(-10 * MINUTE);
    expect(formatSignedDuration(s.driftMs)).toBe('\u221210:00');
  });

  it('items passed over without being run are missed and leave the projection', () => {
    // The moderator jumped straight to Session I at 14:30.
    const report: Report = { 's1-martinez': ran(at('14:30')) };
    const s = project(sample, runningClock({ itemId: 's1-martinez', since: at('14:30') }), report, at('14:30'));
    for (const id of ['open-local-gov', 'open-cao', 'open-sun', 'open-lee']) {
      expect(itemOf(s, id)).toMatchObject({ progress: 'missed', projectedStart: null, projectedEnd: null });
    }
    expect(sessionOf(s, 'opening')).toMatchObject({ projectedStart: null, projectedEnd: null, driftMs: 0 });
    expect(s.driftMs).toBe(0);
  });
});

describe('items without a duration', () => {
  it('share the unallocated session time equally (closing: 2 × 10:00)', () => {
    const closing = sample.sessions.find((x) => x.id === 'closing')!;
    expect(unallocatedShareMs(closing)).toBe(10 * MINUTE);
    const s = project(sample, idleClock('open-local-gov'), {}, at('13:00'));
    expect(itemOf(s, 'close-martinez')).toMatchObject({ plannedDurationMs: 10 * MINUTE, plannedStart: at('16:10') });
    expect(itemOf(s, 'close-chen')).toMatchObject({ plannedStart: at('16:20'), plannedEnd: at('16:30') });
  });

  it('keep their planned share when a sibling is skipped (computed from the plan, not live)', () => {
    const s = project(withSkipped(sample, 'close-martinez'), idleClock('open-local-gov'), {}, at('13:00'));
    expect(itemOf(s, 'close-chen')).toMatchObject({ plannedDurationMs: 10 * MINUTE });
    expect(hm(itemOf(s, 'close-chen').projectedStart)).toBe('16:10');
    expect(hm(itemOf(s, 'close-chen').projectedEnd)).toBe('16:20');
  });

  it('share only what the timed items leave over, and nothing when they fill the window', () => {
    const open1 = makeItem({ id: 'a' });
    const timed = makeItem({ id: 'b', durationSec: 600 });
    const open2 = makeItem({ id: 'c' });
    const session = makeSession({ plannedStart: '09:00', plannedEnd: '09:30', items: [open1, timed, open2] });
    expect(unallocatedShareMs(session)).toBe(10 * MINUTE);
    const full = makeSession({ plannedStart: '09:00', plannedEnd: '09:05', items: [open1, timed] });
    expect(unallocatedShareMs(full)).toBe(0);
    const plan = buildPlan(makeAgenda({ sessions: [full] }));
    // Items that overflow the window push the session's planned end.
    expect(plan.sessions[0]!.plannedEnd).toBe(at('09:10'));
  });

  it('a current item without a duration projects to the end of its share, then to now', () => {
    const report: Report = { 'close-chen': ran(at('16:20')) };
    const clock = runningClock({ itemId: 'close-chen', since: at('16:20') });
    const base: Report = {};
    for (const p of buildPlan(sample).items) {
      if (p.itemId !== 'close-chen') base[p.itemId] = ran(p.plannedStart, p.plannedEnd);
    }
    const onTime = project(sample, clock, { ...base, ...report }, at('16:25'));
    expect(onTime.projectedEnd).toBe(at('16:30'));
    const over = project(sample, clock, { ...base, ...report }, at('16:33'));
    expect(over.projectedEnd).toBe(at('16:33'));
    expect(over.driftMs).toBe(3 * MINUTE);
  });
});

describe('the current item', () => {
  const running: Report = { 'open-local-gov': ran(at('14:00'), at('14:10')), 'open-cao': ran(at('14:10')) };

  it('when paused, pushes the projection later as time passes', () => {
    // open-cao ran 2:00 (14:10–14:12) and is paused with 5:00 left.
    const report: Report = {
      ...running,
      'open-cao': ran(at('14:10'), null, { pauses: [{ from: at('14:12'), to: null }] }),
    };
    const clock = pausedClock({ itemId: 'open-cao', accumulatedMs: 2 * MINUTE });
    const at1415 = project(sample, clock, report, at('14:15'));
    const at1420 = project(sample, clock, report, at('14:20'));
    expect(hm(itemOf(at1415, 'open-cao').projectedEnd)).toBe('14:20');
    expect(hm(itemOf(at1420, 'open-cao').projectedEnd)).toBe('14:25');
    expect(hm(sessionOf(at1415, 'opening').projectedEnd)).toBe('14:34');
    expect(hm(sessionOf(at1420, 'opening').projectedEnd)).toBe('14:39');
    expect(at1420.driftMs - at1415.driftMs).toBe(5 * MINUTE);
  });

  it('when running, keeps its projected end as time passes, until it runs over', () => {
    const clock = runningClock({ itemId: 'open-cao', since: at('14:10') });
    expect(hm(itemOf(project(sample, clock, running, at('14:13')), 'open-cao').projectedEnd)).toBe('14:17');
    const over = project(sample, clock, running, at('14:20'));
    expect(hm(itemOf(over, 'open-cao').projectedEnd)).toBe('14:20'); // over time: ends now
    expect(hm(sessionOf(over, 'opening').projectedEnd)).toBe('14:34');
  });

  it('includes the time the moderator added', () => {
    const clock = runningClock({ itemId: 'open-cao', since: at('14:10'), addedMs: 2 * MINUTE });
    const s = project(sample, clock, running, at('14:10'));
    expect(hm(itemOf(s, 'open-cao').projectedEnd)).toBe('14:19');
    expect(s.driftMs).toBe(3 * MINUTE);
  });

  it('an upcoming item that was already partly run keeps only its remaining time', () => {
    // open-sun ran 3:00 earlier, then the moderator went back to open-cao.
    const report: Report = { ...running, 'open-sun': ran(at('14:10'), at('14:13')) };
    const s = project(sample, runningClock({ itemId: 'open-cao', since: at('14:13') }), report, at('14:13'));
    expect(hm(itemOf(s, 'open-sun').projectedStart)).toBe('14:20');
    expect(hm(itemOf(s, 'open-sun').projectedEnd)).toBe('14:24');
  });
});

describe('status ended', () => {
  it('every item is done and the projection is what actually happened', () => {
    const report: Report = {};
    for (const p of buildPlan(sample).items) report[p.itemId] = ran(p.plannedStart, p.plannedEnd);
    report['close-chen'] = ran(at('16:20'), at('16:35'));
    const s = project(sample, endedClock(), report, at('17:00'));
    expect(new Set(s.items.map((i) => i.progress))).toEqual(new Set(['done']));
    expect(s.projectedEnd).toBe(at('16:35'));
    expect(s.driftMs).toBe(5 * MINUTE);
    expect(sessionOf(s, 'opening').projectedEnd).toBe(at('14:28'));
    // Time passing after the end changes nothing.
    expect(project(sample, endedClock(), report, at('18:00')).projectedEnd).toBe(at('16:35'));
  });
});
