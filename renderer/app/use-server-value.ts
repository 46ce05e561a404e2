import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Instant } from '../../shared/time/instant';
import { onEveryFrame } from './frame-loop';
import { serverNow } from './server-clock';

/**
 * The one hook for values that change as time passes: `compute` is called with the estimated
 * server time on every frame (or every `everyMs`, for slow values such as a time of day), and the
 * component re-renders only when the result is no longer `same` as what it shows. The frame loop is
 * an external store: React asks for the value on each tick and schedules nothing while it stays
 * the same object, so no update is queued per frame. `compute` may close over props and state
 * (it is read at each render and each tick); it must be cheap.
 */
export function useServerValue<T>(compute: (now: Instant) => T, same: (a: T, b: T) => boolean = Object.is, everyMs?: number): T {
  const shown = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (onTick: () => void) => {
      if (everyMs === undefined) return onEveryFrame(onTick);
      const timer = setInterval(onTick, everyMs);
      return () => clearInterval(timer);
    },
    [everyMs],
  );
  // The value shown stays the same object until a new one differs from it.
  const read = (): T => {
    const next = compute(serverNow());
    const last = shown.current;
    if (last !== null && same(last.value, next)) return last.value;
    shown.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, read);
}

/** Shallow equality of two flat records: the usual `same` for values that are records. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** A `same` under which two times are equal within one step of `stepMs` (a value that moves in steps). */
export const sameStep =
  (stepMs: number) =>
  (a: number, b: number): boolean =>
    Math.floor(a / stepMs) === Math.floor(b / stepMs);
