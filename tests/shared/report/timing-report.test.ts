import { describe, expect, it } from 'vitest';
import { buildTimingReport } from '../../../shared/report/timing-report';
import { at, endedClock, idleClock, later, makeAgenda, makeItem, makeSession, MINUTE, ran, runningClock } from '../../builders';

const agenda = makeAgenda({
  sessions: [
    makeSession({
      id: 'morning',
      plannedStart: '09:00',
      plannedEnd: '10:00',
      items: [makeItem({ id: 'a', durationSec: 600 }), makeItem({ id: 'b', durationSec: 1200 }), makeItem({ id: 'c' })],
    }),
  ],
});

describe('buildTimingReport', () => {
  it('before anything ran: planned times only, everything not reached, totals of nothing', () => {
    const r = buildTimingReport({ agenda, clock: idleClock('a'), report: {} }, at('08:00'));
    expect(r.sessions[0]!.items.map((i) => [i.itemId, i.status, i.plannedStart, i.plannedDurationMs])).toEqual([
      ['a', 'not-reached', at('09:00'), 10 * MINUTE],
      ['b', 'not-reached', at('09:10'), 20 * MINUTE],
      ['c', 'not-reached', at('09:30'), 30 * MINUTE], // no duration: the session's unallocated half hour
    ]);
    expect(r.totals).toMatchObject({ ran: 0, notReached: 3, plannedDurationMs: 0, actualDurationMs: 0, actualStart: null, endDriftMs: null });
    expect(r.anchorOffsetMs).toBe(0);
  });

  it('reads a running item from the clock as of now', () => {
    const r = buildTimingReport(
      { agenda, clock: runningClock({ itemId: 'b', since: at('09:12'), accumulatedMs: MINUTE, addedMs: 2 * MINUTE }), report: { a: ran(at('09:00'), at('09:11')), b: ran(at('09:11'), null) } },
      at('09:20'),
    );
    expect(r.sessions[0]!.items[1]).toMatchObject({ status: 'current', actualDurationMs: 9 * MINUTE, addedMs: 2 * MINUTE, overUnderMs: -11 * MINUTE, actualEnd: null });
    expect(r.totals.actualEnd).toBeNull();
  });

  it('re-anchors planned times for an event run on another date, as the console does', () => {
    const start = at('13:05', '2026-11-29');
    const r = buildTimingReport({ agenda, clock: endedClock(), report: { a: ran(start, later(start, 10 * MINUTE)) } }, later(start, 20 * MINUTE));
    expect(r.anchorOffsetMs).toBe(start - at('09:00'));
    expect(r.sessions[0]!.items[0]!.plannedStart).toBe(start);
    expect(r.totals.endDriftMs).toBe(10 * MINUTE - 60 * MINUTE);
  });
});
