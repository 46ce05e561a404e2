export interface CoalescerClock {
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

const realClock: CoalescerClock = {
  now: () => performance.now(),
  setTimer: (run, ms) => setTimeout(run, ms).unref(),
  clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/**
 * Calls `send` at most once per `intervalMs`. The first request after a quiet interval is sent at
 * once; requests within the interval are merged into one call at its end. `send` reads the state
 * when it runs, so the last state is always delivered, however many changes came in between.
 */
export class Coalescer {
  private last = -Infinity;
  private timer: unknown = null;

  constructor(
    private readonly send: () => void,
    private readonly intervalMs: number,
    private readonly clock: CoalescerClock = realClock,
  ) {}

  request(): void {
    if (this.timer !== null) return;
    const wait = this.last + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  close(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.last = this.clock.now();
    this.send();
  }
}
