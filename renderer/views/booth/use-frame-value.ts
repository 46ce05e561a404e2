import { useEffect, useRef, useState } from 'react';
import { onEveryFrame } from '../../app/frame-loop';
import { serverNow } from '../../app/server-clock';

/**
 * A value computed from the server time on every frame; the caller re-renders only when it
 * changes (for a countdown: once a second). `compute` must be cheap, and is read fresh each frame.
 */
export function useFrameValue<T>(compute: (now: number) => T, same: (a: T, b: T) => boolean): T {
  const latest = useRef(compute);
  useEffect(() => {
    latest.current = compute;
  });
  const [value, setValue] = useState(() => compute(serverNow()));
  useEffect(() => {
    const tick = () => {
      const next = latest.current(serverNow());
      setValue((prev) => (same(prev, next) ? prev : next));
    };
    tick();
    return onEveryFrame(tick);
  }, [same]);
  return value;
}

/** Shallow equality of two flat records: the usual `same` for `useFrameValue`. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}
