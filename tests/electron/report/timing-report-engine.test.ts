/**
 * The timing report of a scripted run of the sample event, driven through the engine with an
 * injected clock: every actual duration is exactly what the script did.
 */
import { describe, expect, it } from 'vitest';
import { buildTimingReport, type ReportItem, type TimingReport } from '../../../shared/report/timing-report';
import type { RostrumState } from '../../../shared/contract/state';
import type { CommandInput } from '../../../shared/contract/commands';
import { initialState } from '../../../electron/engine/initial-state';
import { at, loadSample, MINUTE, SECOND } from '../../builders';
import { send } from '../engine/engine-builders';

const item = (r: TimingReport, id: string): ReportItem => r.sessions.flatMap((s) => s.items).find((i) => i.itemId === id)!;

/** Runs [time, command] steps in order; returns the state after the last. */
function script(steps: [string, CommandInput][]): RostrumState {
  return steps.reduce((state, [time, cmd]) => send(state, cmd, at(time)), initialState(loadSample()));
}

describe('timing report of a scripted run (engine, injected clock)', () => {
  const state = script([
    ['13:59:00', { type: 'skip', itemId: 'open-sun', skipped: true }],
    ['14:00:00', { type: 'start' }],
    ['14:07:40', { type: 'next' }], // open-local-gov: 7:40 of 7:00
    ['14:10:00', { type: 'pause' }],
    ['14:11:00', { type: 'resume' }],
    ['14:12:00', { type: 'adjust', seconds: 60 }],
    ['14:16:00', { type: 'next' }], // open-cao: 2:20 + 5:00 = 7:20, paused 1:00, +1:00 added
    ['14:22:30', { type: 'goto', itemId: 's1-wang' }], // open-lee: 6:30; Martinez, Sharpe, Yoon passed over
    ['14:30:00', { type: 'next' }], // s1-wang: 7:30 of 5:00
    ['14:31:00', { type: 'pause' }], // s2-humen-enterprise: 1:00, then paused
  ]);
  const report = buildTimingReport(state, at('14:35:00'));

  it('gives each item that ran its actual start, end and running time, and over/under against the plan', () => {
    expect(item(report, 'open-local-gov')).toMatchObject({
      status: 'done',
      plannedStart: at('14:00'),
      plannedDurationMs: 7 * MINUTE,
      actualStart: at('14:00:00'),
      actualEnd: at('14:07:40'),
      actualDurationMs: 7 * MINUTE + 40 * SECOND,
      overUnderMs: 40 * SECOND,
      addedMs: 0,
      pausedMs: 0,
    });
    expect(item(report, 'open-cao')).toMatchObject({
      status: 'done',
      actualStart: at('14:07:40'),
      actualEnd: at('14:16:00'),
      actualDurationMs: 7 * MINUTE + 20 * SECOND,
      overUnderMs: 20 * SECOND,
      addedMs: MINUTE,
      pausedMs: MINUTE,
      pauses: [{ from: at('14:10:00'), to: at('14:11:00'), durationMs: MINUTE }],
    });
    expect(item(report, 'open-lee')).toMatchObject({ actualDurationMs: 6.5 * MINUTE, overUnderMs: -30 * SECOND });
    expect(item(report, 's1-wang')).toMatchObject({ actualDurationMs: 7.5 * MINUTE, overUnderMs: 2.5 * MINUTE });
  });

  it('reads the item still on (paused) from the clock, with its open pause counted up to now', () => {
    expect(item(report, 's2-humen-enterprise')).toMatchObject({
      status: 'current',
      actualStart: at('14:30:00'),
      actualEnd: null,
      actualDurationMs: MINUTE,
      pausedMs: 4 * MINUTE,
      pauses: [{ from: at('14:31:00'), to: null, durationMs: 4 * MINUTE }],
    });
  });

  it('lists passed-over and later items as not reached, and skipped items as skipped, outside the totals', () => {
    expect(report.skipped.map((i) => i.itemId)).toEqual(['open-sun']);
    expect(report.notReached.map((i) => i.itemId)).toEqual(['s1-martinez', 's1-sharpe', 's1-yoon', 's2-hur', 's2-tang', 's2-saieed', 'close-martinez', 'close-chen']);
    expect(item(report, 'open-sun')).toMatchObject({ status: 'skipped', actualDurationMs: null, overUnderMs: null });
    expect(item(report, 's1-martinez')).toMatchObject({ status: 'not-reached', actualStart: null });

    const opening = report.sessions.find((s) => s.sessionId === 'opening')!.totals;
    expect(opening).toMatchObject({
      ran: 3,
      skipped: 1,
      notReached: 0,
      plannedDurationMs: 21 * MINUTE, // open-sun's 7 minutes left out
      actualDurationMs: (7 * 60 + 40 + 7 * 60 + 20 + 6 * 60 + 30) * SECOND,
      overUnderMs: 30 * SECOND,
      addedMs: MINUTE,
      pausedMs: MINUTE,
      actualStart: at('14:00:00'),
      actualEnd: at('14:22:30'),
      endDriftMs: -7.5 * MINUTE,
    });
    expect(report.totals).toMatchObject({
      ran: 5,
      notReached: 8,
      skipped: 1,
      plannedDurationMs: (21 + 5 + 15) * MINUTE,
      actualDurationMs: (21.5 + 7.5 + 1) * MINUTE,
      actualEnd: null, // an item is still on
    });
  });

  it('closes the event: after the last item every run item is done, with an event end and drift', () => {
    const ended = [
      ['14:36:00', { type: 'resume' }],
      ['14:40:00', { type: 'goto', itemId: 'close-chen' }],
      ['14:45:00', { type: 'next' }],
    ].reduce((s, [time, cmd]) => send(s, cmd as CommandInput, at(time as string)), state);
    const final = buildTimingReport(ended, at('15:00:00'));
    expect(final.clockStatus).toBe('ended');
    expect(item(final, 's2-humen-enterprise')).toMatchObject({ status: 'done', actualEnd: at('14:40:00'), actualDurationMs: 5 * MINUTE, pausedMs: 5 * MINUTE });
    // close-chen has no duration: its plan is half the closing session's 20 minutes.
    expect(item(final, 'close-chen')).toMatchObject({ status: 'done', timed: false, plannedDurationMs: 10 * MINUTE, actualDurationMs: 5 * MINUTE, overUnderMs: -5 * MINUTE });
    expect(final.totals.actualEnd).toBe(at('14:45:00'));
    expect(final.totals.endDriftMs).toBe(at('14:45:00') - at('16:30'));
  });
});
