/**
 * Token buckets, so that one misbehaving client cannot starve the others: each socket has its own
 * bucket for inbound events, and each remote address one for HTTP API requests. Generous: a person
 * clicking, or a script sending a command at a time, never meets them.
 */
export interface RateLimit {
  /** Sustained events per second. */
  perSecond: number;
  /** How many may come at once. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 100, burst: 200 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.last) / 1000) * this.limit.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (remote address), forgotten after a minute without requests. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; seen: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): boolean {
    const t = this.now();
    if (this.buckets.size > 1000) {
      for (const [k, v] of this.buckets) if (t - v.seen > 60_000) this.buckets.delete(k);
    }
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.limit, this.now), seen: t };
      this.buckets.set(key, entry);
    }
    entry.seen = t;
    return entry.bucket.take();
  }
}

