import { ACTION_TIMEOUT_MS, QUEUE_PER_TARGET } from '../../shared/contract/automation';

export type Job = (signal: AbortSignal) => Promise<void>;
export type Outcome = { ok: true } | { ok: false; error: string };

interface Lane {
  running: boolean;
  waiting: { job: Job; done: (o: Outcome) => void }[];
}

export interface ActionQueueOptions {
  timeoutMs?: number;
  perTarget?: number;
}

/**
 * Where actions wait and run, off the core's path: one lane per target (host:port), one action in
 * flight per lane, at most `perTarget` waiting behind it (more are refused, not queued without
 * bound), each given up on after `timeoutMs`. A target that hangs holds up only its own lane, and
 * only for the timeout; `enqueue` never runs anything before it returns.
 */
export class ActionQueue {
  private readonly lanes = new Map<string, Lane>();
  private closed = false;
  private readonly timeoutMs: number;
  private readonly perTarget: number;

  constructor(o: ActionQueueOptions = {}) {
    this.timeoutMs = o.timeoutMs ?? ACTION_TIMEOUT_MS;
    this.perTarget = o.perTarget ?? QUEUE_PER_TARGET;
  }

  enqueue(target: string, job: Job): Promise<Outcome> {
    if (this.closed) return Promise.resolve({ ok: false, error: 'Rostrum is stopping' });
    let lane = this.lanes.get(target);
    if (!lane) this.lanes.set(target, (lane = { running: false, waiting: [] }));
    if (lane.waiting.length >= this.perTarget) return Promise.resolve({ ok: false, error: `${lane.waiting.length} actions already wait for ${target}: dropped` });
    const l = lane;
    return new Promise((done) => {
      l.waiting.push({ job, done });
      if (!l.running) setImmediate(() => this.drain(target, l));
    });
  }

  private async drain(target: string, lane: Lane): Promise<void> {
    if (lane.running) return;
    lane.running = true;
    for (let next = lane.waiting.shift(); next; next = lane.waiting.shift()) next.done(await this.runOne(next.job));
    lane.running = false;
    if (lane.waiting.length === 0) this.lanes.delete(target);
  }

  private async runOne(job: Job): Promise<Outcome> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ ok: false, error: `no answer within ${this.timeoutMs / 1000} s` });
      }, this.timeoutMs);
    });
    const run = job(controller.signal).then(
      (): Outcome => ({ ok: true }),
      (error: unknown): Outcome => ({ ok: false, error: (error as Error)?.message ?? String(error) }),
    );
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.closed = true;
    for (const lane of this.lanes.values()) for (const w of lane.waiting.splice(0)) w.done({ ok: false, error: 'Rostrum is stopping' });
  }
}
