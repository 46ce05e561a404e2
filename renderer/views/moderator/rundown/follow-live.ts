/**
 * When the rundown may scroll to the live item by itself (issue #13): not while the operator is
 * editing, nor within QUIET_MS of their last scroll, click or key in the rundown — moving the list
 * under someone's hand or eyes loses their place. Pure: the time is passed in.
 */
export const QUIET_MS = 10_000;

export interface FollowState {
  /** When the operator last scrolled, clicked or pressed a key in the rundown (ms, any clock). */
  lastTouchedAt: number;
  /** An edit of the rundown is under way (the item dialog is open, a row is being dragged). */
  editing: boolean;
}

export const mayFollow = (state: FollowState, now: number): boolean => !state.editing && now - state.lastTouchedAt >= QUIET_MS;

/**
 * The scroll position that shows `row` in `box` (the scrolling list), a little below its top so
 * the item before it stays in sight; null when the row is already in full view.
 */
export function followTop(box: { top: number; height: number; scrollTop: number }, row: { top: number; height: number }): number | null {
  const above = row.top - box.top;
  if (above >= 0 && above + row.height <= box.height) return null;
  return Math.max(0, box.scrollTop + above - Math.min(box.height / 4, 120));
}
