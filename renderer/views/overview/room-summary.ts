import { findItem, nextPlayable } from '../../../shared/agenda/agenda-queries';
import type { Phase, ClockStatus } from '../../../shared/clock/clock-state';
import { clockView } from '../../../shared/clock/clock-view';
import { formatClockDisplay } from '../../../shared/clock/format';
import type { Snapshot } from '../../../shared/contract/state';
import { projectSchedule } from '../../../shared/schedule/projection';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';

/** What one room's tile shows, as of `now` (server time). Pure: the tile renders it. */
export interface RoomSummary {
  status: ClockStatus;
  phase: Phase;
  now: { id: string; title: string; speaker: string } | null;
  next: { id: string; title: string; speaker: string } | null;
  /** The digits the speaker monitor shows ('' once the event ended). */
  remaining: string;
  /** Projected minus planned end of the room's day; positive = late. */
  driftMs: number;
  /** HH:MM in the room's time zone, or null without a projection. */
  projectedEnd: string | null;
  pendingRequests: number;
}

const itemLine = (item: { id: string; title: string; speaker: { name: string } } | undefined) =>
  item ? { id: item.id, title: item.title, speaker: item.speaker.name } : null;

export function roomSummary(snapshot: Snapshot, now: Instant): RoomSummary {
  const { agenda, clock } = snapshot;
  const view = clockView(clock, agenda, now);
  const schedule = projectSchedule({ agenda, clock, report: snapshot.report }, now);
  return {
    status: clock.status,
    phase: view.phase,
    now: itemLine(findItem(agenda, clock.currentItemId)?.item),
    next: itemLine(nextPlayable(agenda, clock.currentItemId)?.item),
    remaining: clock.status === 'ended' ? '' : formatClockDisplay(view.remainingMs, view.elapsedMs),
    driftMs: schedule.driftMs,
    projectedEnd: schedule.projectedEnd === null ? null : timeOfDayIn(schedule.projectedEnd, agenda.timezone),
    pendingRequests: snapshot.booth.requests.filter((r) => r.acknowledgedAt === null).length,
  };
}
