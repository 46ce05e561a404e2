import { findItem } from '../../shared/agenda/agenda-queries';
import { clockView } from '../../shared/clock/clock-view';
import { formatClockDisplay } from '../../shared/clock/format';
import type { RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';

export interface ControlSummary {
  status: RostrumState['clock']['status'];
  phase: string;
  current: { id: string; title: string; speaker: string } | null;
  /** ms: negative in overtime, null when the item counts up; text: the digits the monitors show. */
  remaining: { ms: number | null; text: string };
}

/** What a controller (HTTP trigger, OSC) shows: status, phase, current item, remaining time as of `now`. */
export function controlSummary(state: RostrumState, now: Instant): ControlSummary {
  const view = clockView(state.clock, state.agenda, now, state.report);
  const item = findItem(state.agenda, state.clock.currentItemId)?.item;
  return {
    status: state.clock.status,
    phase: view.phase,
    current: item ? { id: item.id, title: item.title, speaker: item.speaker.name } : null,
    remaining: {
      ms: view.remainingMs,
      text: state.clock.status === 'ended' ? '' : formatClockDisplay(view.remainingMs, view.elapsedMs),
    },
  };
}

/** Whole seconds as the monitors count them: rounded up before zero, down in overtime (negative). */
export function remainingSeconds(ms: number | null): number {
  if (ms === null) return 0;
  return ms >= 0 ? Math.ceil(ms / 1000) : -Math.floor(-ms / 1000);
}
