import type { ClockState } from '../../shared/clock/clock-state';
import { elapsedMs } from '../../shared/clock/clock-math';
import { emptyRecord, recordOf, type ItemRecord, type Report } from '../../shared/report/report-types';
import type { Instant } from '../../shared/time/instant';

export { recordOf };

/** Returns the report with one item's record replaced by `update(record)`. */
export function updateRecord(report: Report, itemId: string, update: (r: ItemRecord) => ItemRecord): Report {
  return { ...report, [itemId]: update(recordOf(report, itemId) ?? emptyRecord()) };
}

/** Closes an open pause (the item resumes, or is left while paused). */
export function closePause(record: ItemRecord, at: Instant): ItemRecord {
  const last = record.pauses[record.pauses.length - 1];
  if (!last || last.to !== null) return record;
  return { ...record, pauses: [...record.pauses.slice(0, -1), { ...last, to: at }] };
}

/** Saves the current item's progress into its record as it is left: end time, elapsed, added. */
export function recordLeaving(report: Report, clock: ClockState, now: Instant): Report {
  const itemId = clock.currentItemId;
  if (itemId === null) return report;
  const started = recordOf(report, itemId)?.actualStart != null;
  if (!started && clock.accumulatedMs === 0 && clock.addedMs === 0) return report;
  return updateRecord(report, itemId, (r) => ({
    ...closePause(r, now),
    actualEnd: started ? now : r.actualEnd,
    elapsedMs: elapsedMs(clock, now),
    addedMs: clock.addedMs,
  }));
}
