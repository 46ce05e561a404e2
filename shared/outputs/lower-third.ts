import type { LowerThirdState } from '../contract/state';
import { addDuration, seconds, type Instant } from '../time/instant';

/** When the lower third's cue goes out: null while it stays (hold 0) or when there is no cue. */
export function lowerThirdOutAt(lowerThird: LowerThirdState): Instant | null {
  const { cue, holdSec } = lowerThird;
  if (cue === null || holdSec === 0) return null;
  return addDuration(cue.shownAt, seconds(holdSec));
}

/** Whether the lower third is on the stream at `now` (every client agrees: the cue and hold are state). */
export function lowerThirdOn(lowerThird: LowerThirdState, now: Instant): boolean {
  if (lowerThird.cue === null) return false;
  const out = lowerThirdOutAt(lowerThird);
  return out === null || now < out;
}
