/**
 * One animation-frame loop shared by every clock on the page. Subscribers are called each frame
 * while the page is visible, and four times a second while hidden (browsers pause
 * requestAnimationFrame in background tabs, but a display's state must not go stale).
 */

type Tick = () => void;

const subscribers = new Set<Tick>();
let frame: number | null = null;
let hiddenTimer: ReturnType<typeof setInterval> | null = null;

const HIDDEN_TICK_MS = 250;

function runAll(): void {
  for (const tick of subscribers) tick();
}

function onFrame(): void {
  frame = null;
  runAll();
  schedule();
}

function schedule(): void {
  if (subscribers.size === 0) return;
  if (document.visibilityState === 'hidden') {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    hiddenTimer ??= setInterval(runAll, HIDDEN_TICK_MS);
  } else {
    if (hiddenTimer !== null) clearInterval(hiddenTimer);
    hiddenTimer = null;
    frame ??= requestAnimationFrame(onFrame);
  }
}

function stop(): void {
  if (frame !== null) cancelAnimationFrame(frame);
  if (hiddenTimer !== null) clearInterval(hiddenTimer);
  frame = null;
  hiddenTimer = null;
}

document.addEventListener('visibilitychange', schedule);

/** Calls `tick` on every frame until the returned function is called. */
export function onEveryFrame(tick: Tick): () => void {
  subscribers.add(tick);
  schedule();
  return () => {
    subscribers.delete(tick);
    if (subscribers.size === 0) stop();
  };
}
