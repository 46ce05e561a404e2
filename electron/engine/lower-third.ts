import type { CommandOf } from '../../shared/contract/commands';
import type { DisplayState, RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';
import { recordOf } from '../../shared/report/report-types';

const withDisplay = (state: RostrumState, display: Partial<DisplayState>): RostrumState => ({
  ...state,
  display: { ...state.display, ...display },
});

/** `lowerThird.show`: the stream's lower third names the current speaker from now, for the hold time. */
export function showLowerThird(state: RostrumState, now: Instant): RostrumState {
  return withDisplay(state, { lowerThird: { ...state.display.lowerThird, cue: { itemId: state.clock.currentItemId, shownAt: now } } });
}

/** `lowerThird.hide`: out now. */
export function hideLowerThird(state: RostrumState): RostrumState {
  if (state.display.lowerThird.cue === null) return state;
  return withDisplay(state, { lowerThird: { ...state.display.lowerThird, cue: null } });
}

/** The output settings of `settings.update`: the lower third's hold time, the audience's "running late" line. */
export function updateOutputSettings(state: RostrumState, cmd: CommandOf<'settings.update'>): RostrumState {
  let next = state;
  const hold = cmd.lowerThirdHoldSec;
  if (hold !== undefined && hold !== next.display.lowerThird.holdSec) {
    next = withDisplay(next, { lowerThird: { ...next.display.lowerThird, holdSec: hold } });
  }
  if (cmd.audienceShowsLate !== undefined && cmd.audienceShowsLate !== next.display.audienceShowsLate) {
    next = withDisplay(next, { audienceShowsLate: cmd.audienceShowsLate });
  }
  return next;
}

/**
 * An item starts (its clock runs for the first time, by `start` or by `next` on a running clock):
 * the lower third goes in by itself. Resuming after a pause, or coming back to an item, does not cue it again.
 */
export function cueOnItemStart(before: RostrumState, after: RostrumState, now: Instant): RostrumState {
  const itemId = after.clock.currentItemId;
  if (itemId === null || after === before) return after;
  const started = recordOf(after.report, itemId)?.actualStart ?? null;
  const startedBefore = recordOf(before.report, itemId)?.actualStart ?? null;
  if (started === null || startedBefore !== null) return after;
  return withDisplay(after, { lowerThird: { ...after.display.lowerThird, cue: { itemId, shownAt: now } } });
}
