/**
 * Logs the first problem of each kind at once, then at most one line per kind per interval,
 * saying how many were left out — so a flood of junk packets never floods the log.
 */
export class RateLimitedLog {
  private readonly kinds = new Map<string, { lastAt: number; suppressed: number }>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number,
    private readonly intervalMs = 10_000,
    /** What the lines start with (the automation rules log through this too). */
    private readonly prefix = 'OSC',
  ) {}

  log(kind: string, message: string): void {
    const t = this.now();
    const entry = this.kinds.get(kind);
    if (entry && t - entry.lastAt < this.intervalMs) {
      entry.suppressed += 1;
      return;
    }
    const more = entry && entry.suppressed > 0 ? ` (${entry.suppressed} more like it not shown)` : '';
    this.kinds.set(kind, { lastAt: t, suppressed: 0 });
    this.write(`${this.prefix}: ${kind}: ${message}${more}`);
  }
}
