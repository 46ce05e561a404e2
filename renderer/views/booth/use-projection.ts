import { useMemo } from 'react';
import { projectSchedule, type ItemSchedule, type Schedule } from '../../../shared/schedule/projection';
import { instant } from '../../../shared/time/instant';
import { useRostrum } from '../../app/store';

/**
 * The schedule projected at `now` (server time), the same function the server uses for its
 * snapshot: the booth's countdowns match what the console and the API project.
 */
export function useProjection(now: number): Schedule | null {
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const clock = useRostrum((s) => s.snapshot?.clock);
  const report = useRostrum((s) => s.snapshot?.report);
  return useMemo(
    () => (agenda && clock && report ? projectSchedule({ agenda, clock, report }, instant(now)) : null),
    [agenda, clock, report, now],
  );
}

export const scheduleOf = (schedule: Schedule | null, itemId: string | undefined): ItemSchedule | undefined =>
  itemId === undefined ? undefined : schedule?.items.find((i) => i.itemId === itemId);
