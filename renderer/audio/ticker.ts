/**
 * Calls the subscribers about four times a second — also while the page is hidden. A hidden page's
 * own timers are throttled (Chrome runs them once a minute after five minutes in the background),
 * which would make a console left behind other windows cue a minute late; a dedicated worker's
 * timer is not. Falls back to a page timer where a worker cannot start.
 */

type Tick = () => void;

const TICK_MS = 250;
const subscribers = new Set<Tick>();
let stopSource: (() => void) | null = null;

const runAll = () => {
  for (const tick of subscribers) tick();
};

function startSource(): () => void {
  try {
    const worker = new Worker(new URL('./tick-worker.ts', import.meta.url), { type: 'module', name: 'rostrum-ticks' });
    worker.onmessage = runAll;
    worker.postMessage(TICK_MS);
    return () => worker.terminate();
  } catch {
    const timer = setInterval(runAll, TICK_MS);
    return () => clearInterval(timer);
  }
}

/** Calls `tick` every quarter second until the returned function is called. */
export function everyTick(tick: Tick): () => void {
  subscribers.add(tick);
  stopSource ??= startSource();
  return () => {
    subscribers.delete(tick);
    if (subscribers.size === 0 && stopSource) {
      stopSource();
      stopSource = null;
    }
  };
}
