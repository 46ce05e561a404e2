/**
 * Estimates another machine's clock from request/answer round trips (NTP-style, one sample each):
 * offset = theirTime + rtt/2 − receivedAt. Of the last few samples it keeps the one with the
 * smallest round trip, the one least distorted by queuing. Pure: the caller passes every time.
 */
export class OffsetEstimate {
  private readonly samples: { rttMs: number; offsetMs: number }[] = [];
  private best: { rttMs: number; offsetMs: number } | null = null;

  constructor(private readonly window = 8) {}

  /** `sentAt` and `receivedAt` on the local clock; `theirTime` is the other clock when it answered. */
  add(sentAt: number, theirTime: number, receivedAt: number): void {
    const rttMs = receivedAt - sentAt;
    if (!(rttMs >= 0) || !Number.isFinite(theirTime)) return;
    this.samples.push({ rttMs, offsetMs: theirTime + rttMs / 2 - receivedAt });
    if (this.samples.length > this.window) this.samples.shift();
    let best = this.samples[0]!;
    for (const s of this.samples) if (s.rttMs < best.rttMs) best = s;
    this.best = best;
  }

  /** Their clock minus ours, ms; null before the first sample. */
  offsetMs(): number | null {
    return this.best?.offsetMs ?? null;
  }

  /** The latest sample's round trip is what a user feels; the best one is what the offset rests on. */
  lastRttMs(): number | null {
    return this.samples.at(-1)?.rttMs ?? null;
  }
}
