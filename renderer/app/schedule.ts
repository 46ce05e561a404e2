import { create } from 'zustand';
import type { Snapshot } from '../../shared/contract/state';
import { projectSchedule, type ItemSchedule, type Schedule } from '../../shared/schedule/projection';
import { LOOK_AHEAD_MS, movesWithTime, nextProjectionChange } from '../../shared/schedule/projection-changes';
import { addDuration, durationMs, instant, type Instant } from '../../shared/time/instant';
import { serverNow } from './server-clock';
import { useRostrum } from './store';

export interface ScheduleStore {
  /** The schedule projected at `at` (shared/schedule/projection.ts); null without a snapshot. */
  schedule: Schedule | null;
  at: Instant;
  /** While the projection moves with time, the one `LOOK_AHEAD_MS` after `at`; else null. */
  ahead: Schedule | null;
}

/**
 * The one projection of this display, read by every view: planned, projected and actual times of
 * every item. Projected when the state it depends on changes (agenda, clock, report) and when time
 * reaches the projection's next boundary (a projected start or end: nextProjectionChange); while
 * it moves with time (a paused or overrunning item) once a second, with the next second's
 * projection beside it so that countdowns can follow it between two (projectedStartAt).
 * An unchanged result keeps its object, so nothing re-renders for it.
 */
export const useSchedule = create<ScheduleStore>(() => ({ schedule: null, at: instant(0), ahead: null }));

/** Never longer than this between two projections: the estimate of the server clock may move. */
const AT_MOST_MS = 60_000;

type Inputs = Pick<Snapshot, 'agenda' | 'clock' | 'report'>;
let key = '';
let timer: ReturnType<typeof setTimeout> | null = null;

/** Projects now and plans the next projection. Returns when it will run (for tests); null when not. */
export function projectNow(): number | null {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const snapshot = useRostrum.getState().snapshot;
  if (snapshot === null) {
    key = '';
    useSchedule.setState({ schedule: null, ahead: null });
    return null;
  }
  const inputs: Inputs = { agenda: snapshot.agenda, clock: snapshot.clock, report: snapshot.report };
  const at = serverNow();
  const schedule = projectSchedule(inputs, at);
  const later = projectSchedule(inputs, addDuration(at, durationMs(LOOK_AHEAD_MS)));
  const moving = movesWithTime(schedule, later);
  const nextKey = JSON.stringify([schedule, moving ? later : null]);
  if (nextKey !== key) {
    key = nextKey;
    useSchedule.setState({ schedule, at, ahead: moving ? later : null });
  }
  const boundary = nextProjectionChange(schedule, at);
  // Just past the boundary: the projection changes once time is beyond it.
  const delay = moving ? LOOK_AHEAD_MS : Math.min(AT_MOST_MS, boundary === null ? AT_MOST_MS : boundary - at + 1);
  timer = setTimeout(safely, Math.max(0, delay));
  return delay;
}

/** A failure here must not stop the store's other listeners (the views) from hearing of a change. */
function safely(): void {
  try {
    projectNow();
  } catch (error) {
    console.error('schedule:', error);
  }
}

const inputsMoved = (a: Snapshot | null, b: Snapshot | null) =>
  a?.agenda !== b?.agenda || a?.clock !== b?.clock || a?.report !== b?.report;

/** Starts projecting for this page; returns a function that stops it. */
export function startSchedule(): () => void {
  safely();
  const unsubscribe = useRostrum.subscribe((now, before) => {
    if (inputsMoved(now.snapshot, before.snapshot)) safely();
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}

/** One item's line of a schedule. */
export const scheduleOf = (schedule: Schedule | null, itemId: string | undefined): ItemSchedule | undefined =>
  itemId === undefined ? undefined : schedule?.items.find((i) => i.itemId === itemId);
