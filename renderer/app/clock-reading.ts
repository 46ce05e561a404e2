import { elapsedMs, phaseOf, remainingMs, thresholdsOf, type TimedItem } from '../../shared/clock/clock-math';
import type { ClockState, ClockStatus, Phase } from '../../shared/clock/clock-state';
import { formatClockDisplay } from '../../shared/clock/format';
import type { Instant } from '../../shared/time/instant';

/** What a display shows of the clock at one moment. */
export interface ClockReading {
  /** The digits, e.g. `6:59`, `+0:12`, or elapsed time for an item without a duration. */
  text: string;
  phase: Phase;
  status: ClockStatus;
  /** True when the item has no duration and the clock counts up. */
  countsUp: boolean;
}

export const IDLE_READING: ClockReading = { text: '–:––', phase: 'normal', status: 'idle', countsUp: true };

/** Reads the clock from its anchors at the given server time. */
export function readClock(clock: ClockState | null, item: TimedItem | undefined, now: Instant): ClockReading {
  if (clock === null) return IDLE_READING;
  if (clock.status === 'ended' || item === undefined) {
    return { text: formatClockDisplay(null, elapsedMs(clock, now)), phase: 'normal', status: clock.status, countsUp: true };
  }
  const remaining = remainingMs(clock, item, now);
  return {
    text: formatClockDisplay(remaining, elapsedMs(clock, now)),
    phase: phaseOf(remaining, thresholdsOf(item)),
    status: clock.status,
    countsUp: remaining === null,
  };
}

export const sameReading = (a: ClockReading, b: ClockReading): boolean =>
  a.text === b.text && a.phase === b.phase && a.status === b.status && a.countsUp === b.countsUp;
