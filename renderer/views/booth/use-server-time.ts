import { useEffect, useState } from 'react';
import { onEveryFrame } from '../../app/frame-loop';
import { serverNow } from '../../app/server-clock';

/**
 * The estimated server time, epoch ms, re-rendering the caller once per `stepMs` (countdowns use a
 * quarter second, so what they show is never more than 250 ms behind). Never waits for the network.
 */
export function useServerTime(stepMs: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => {
      const t = serverNow();
      setNow((prev) => (Math.floor(prev / stepMs) === Math.floor(t / stepMs) ? prev : t));
    };
    return onEveryFrame(tick);
  }, [stepMs]);
  return now;
}
