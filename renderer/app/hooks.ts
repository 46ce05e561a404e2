import { useMemo } from 'react';
import { findItem } from '../../shared/agenda/agenda-queries';
import type { Item } from '../../shared/agenda/agenda-schema';
import type { ClockState } from '../../shared/clock/clock-state';
import type { Instant } from '../../shared/time/instant';
import { lineupOf, type Lineup } from './agenda-selectors';
import { readClock, sameReading, type ClockReading } from './clock-reading';
import { useRostrum } from './store';
import { useServerValue } from './use-server-value';
import { timedItemOf } from '../../shared/timing/ends-at';

/** What every clock value derives from: the anchors, the current item, and the server time now. */
export type ClockDerivation<T> = (clock: ClockState | null, item: Item | undefined, serverNow: Instant) => T;

/**
 * A value derived from the clock as shown now, from the snapshot's anchors and the estimated server
 * time (useServerValue): the component re-renders only when the derived value changes (for the
 * digits: once a second), and never waits for the network: the clock keeps counting while offline.
 */
export function useClockValue<T>(derive: ClockDerivation<T>, isEqual: (a: T, b: T) => boolean): T {
  const clock = useRostrum((s) => s.snapshot?.clock ?? null);
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const report = useRostrum((s) => s.snapshot?.report ?? null);
  const item = useMemo(() => {
    const found = clock && agenda ? findItem(agenda, clock.currentItemId)?.item : undefined;
    // An end-by item counts down to its time of day (shared/timing/ends-at.ts).
    return found && agenda && report ? timedItemOf(agenda, report, found) : found;
  }, [clock, agenda, report]);
  return useServerValue((now) => derive(clock, item, now), isEqual);
}

/** A value derived from the clock's reading (digits, phase, status); see useClockValue. */
export function useClockSelector<T>(select: (r: ClockReading) => T, isEqual: (a: T, b: T) => boolean): T {
  return useClockValue((clock, item, now) => select(readClock(clock, item, now)), isEqual);
}

const whole = (r: ClockReading) => r;
/** The full clock reading: digits, phase, status. */
export const useClock = (): ClockReading => useClockSelector(whole, sameReading);

export interface ClockPhase {
  phase: ClockReading['phase'];
  status: ClockReading['status'];
}
const phaseAndStatus = (r: ClockReading): ClockPhase => ({ phase: r.phase, status: r.status });
const samePhase = (a: ClockPhase, b: ClockPhase) => a.phase === b.phase && a.status === b.status;
/** Only phase and status: for components that must not re-render every second. */
export const useClockPhase = (): ClockPhase => useClockSelector(phaseAndStatus, samePhase);

/** The current and next items; recomputed only when the agenda or the current item changes. */
export function useLineup(): Lineup {
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const currentItemId = useRostrum((s) => s.snapshot?.clock.currentItemId ?? null);
  const status = useRostrum((s) => s.snapshot?.clock.status ?? 'idle');
  return useMemo(() => lineupOf(agenda, currentItemId, status), [agenda, currentItemId, status]);
}

export const useLink = () => useRostrum((s) => s.link);
export const useHasSnapshot = () => useRostrum((s) => s.snapshot !== null);
