import { useEffect, useRef, type RefObject } from 'react';
import { followTop, mayFollow } from './follow-live';

/** What the operator does to the rundown by hand: each marks it as theirs for a while. */
const TOUCHES = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

const perfNow = () => performance.now();

/**
 * Scrolls the rundown to the live item whenever it changes (and when the console opens), unless
 * the operator has touched the rundown in the last 10 s or is editing it (follow-live.ts). Only
 * the list scrolls, never the page. `now` is injectable for tests.
 */
export function useFollowLive(
  scrollRef: RefObject<HTMLElement | null>,
  currentItemId: string | null,
  editing: boolean,
  now: () => number = perfNow,
): void {
  const state = useRef({ lastTouchedAt: -Infinity, editing });

  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const touched = () => {
      state.current.lastTouchedAt = now();
    };
    for (const type of TOUCHES) box.addEventListener(type, touched, { passive: true });
    return () => {
      for (const type of TOUCHES) box.removeEventListener(type, touched);
    };
  }, [scrollRef, now]);

  // An edit that ends counts as a touch: the quiet time runs from its end.
  useEffect(() => {
    if (state.current.editing && !editing) state.current.lastTouchedAt = now();
    state.current.editing = editing;
  }, [editing, now]);

  useEffect(() => {
    const box = scrollRef.current;
    if (!box || currentItemId === null || !mayFollow(state.current, now())) return;
    const row = box.querySelector(`[data-testid="rundown-item"][data-item-id="${CSS.escape(currentItemId)}"]`);
    if (!row) return;
    const b = box.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    const top = followTop({ top: b.top, height: box.clientHeight, scrollTop: box.scrollTop }, { top: r.top, height: r.height });
    if (top !== null) box.scrollTo({ top });
  }, [scrollRef, currentItemId, now]);
}
