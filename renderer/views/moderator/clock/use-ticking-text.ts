import { useEffect, useState } from 'react';
import { onEveryFrame } from '../../../app/frame-loop';
import { serverNow } from '../../../app/server-clock';

/**
 * A text computed from the estimated server time and set only when it changes: a component
 * using it re-renders when its text does (at most once a second for seconds), never every frame.
 * It is checked every frame (digits that must turn over on time), or every `everyMs` for slower
 * texts such as a time of day to the minute. `compute` must be stable for a given `deps` list.
 */
export function useTickingText(compute: (serverNowMs: number) => string, deps: readonly unknown[], everyMs?: number): string {
  const [text, setText] = useState(() => compute(serverNow()));
  useEffect(() => {
    const update = () => {
      const next = compute(serverNow());
      setText((prev) => (prev === next ? prev : next));
    };
    update();
    if (everyMs === undefined) return onEveryFrame(update);
    const timer = setInterval(update, everyMs);
    return () => clearInterval(timer);
    // The caller lists what `compute` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, everyMs]);
  return text;
}
