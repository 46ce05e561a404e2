import { useMemo } from 'react';
import type { Agenda } from '../../../shared/agenda/agenda-schema';
import type { ClockState } from '../../../shared/clock/clock-state';
import type { Report } from '../../../shared/report/report-types';
import { projectSchedule } from '../../../shared/schedule/projection';
import { instant } from '../../../shared/time/instant';
import { useRostrum } from '../../app/store';

const SAMPLE_MS = 1000;

/**
 * The projected start of an item as a cheap function of the time, for countdowns drawn on every
 * frame. The projection (the same `projectSchedule` the server uses) is sampled once a second, at
 * two instants a second apart: a running clock leaves the start where it is (slope 0), a paused or
 * overrunning one pushes it later at the pace of time (slope 1). Between samples the line is
 * exact unless the clock changes course, and then only until the next sample.
 */
export function projectedStartTracker(
  agenda: Agenda | undefined,
  clock: ClockState | undefined,
  report: Report | undefined,
  itemId: string | undefined,
): (now: number) => number | null {
  const find = (t: number): number | null =>
    agenda && clock && report && itemId !== undefined
      ? (projectSchedule({ agenda, clock, report }, instant(t)).items.find((i) => i.itemId === itemId)?.projectedStart ?? null)
      : null;
  let t0 = -Infinity;
  let at0: number | null = null;
  let slope = 0;
  return (now) => {
    if (now < t0 || now - t0 >= SAMPLE_MS) {
      t0 = now;
      at0 = find(now);
      const at1 = find(now + SAMPLE_MS);
      slope = at0 === null || at1 === null ? 0 : (at1 - at0) / SAMPLE_MS;
    }
    return at0 === null ? null : at0 + slope * (now - t0);
  };
}

/** `projectedStartTracker` for the current state; a new one whenever the state changes. */
export function useProjectedStart(itemId: string | undefined): (now: number) => number | null {
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const clock = useRostrum((s) => s.snapshot?.clock);
  const report = useRostrum((s) => s.snapshot?.report);
  return useMemo(() => projectedStartTracker(agenda, clock, report, itemId), [agenda, clock, report, itemId]);
}
