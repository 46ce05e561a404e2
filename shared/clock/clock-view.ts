import type { Agenda } from '../agenda/agenda-schema';
import { findItem } from '../agenda/agenda-queries';
import type { Instant } from '../time/instant';
import { allottedMs, elapsedMs, phaseOf, remainingMs, thresholdsOf } from './clock-math';
import type { ClockState } from './clock-state';
import type { ClockView } from '../contract/state';
import type { Report } from '../report/report-types';
import { timedItemOf } from '../timing/ends-at';

/** The clock with its derived values as of `now` (server time). */
export function clockView(clock: ClockState, agenda: Agenda, now: Instant, report: Report = {}): ClockView {
  const found = findItem(agenda, clock.currentItemId)?.item;
  const item = found && timedItemOf(agenda, report, found);
  const remaining = clock.status === 'ended' ? null : remainingMs(clock, item, now);
  return {
    ...clock,
    durationMs: allottedMs(item, clock.addedMs),
    elapsedMs: elapsedMs(clock, now),
    remainingMs: remaining,
    phase: clock.status === 'ended' ? 'normal' : phaseOf(remaining, thresholdsOf(item)),
  };
}
