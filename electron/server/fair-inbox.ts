/**
 * Takes one connection's inbound events in turns, so that a flooding client cannot hold the event
 * loop. A websocket delivers a whole TCP read at once: a client that sends thousands of messages
 * would otherwise have all of them run back to back (each accepted command is applied, saved and
 * broadcast) before anyone else's request is even read. Here at most `perTurn` of one connection's
 * events run per turn of the event loop; the rest wait (in order) for the next turn, after the
 * other clients' I/O. An ordinary client never has more than `perTurn` at once, so it is never delayed.
 *
 * Its users bound the queue: the socket middleware queues only what the rate limiter let through
 * (refusals are answered at once), the polling transport drops a client with too many waiting
 * (fair-polling.ts).
 */
export class FairInbox {
  private readonly queue: (() => void)[] = [];
  private head = 0;
  private ranThisTurn = 0;
  private scheduled = false;
  private closed = false;

  constructor(private readonly perTurn = 4) {}

  /** Runs `task` now, or on a later turn when this connection has had its share of this one. */
  run(task: () => void): void {
    if (this.closed) return;
    if (this.head === this.queue.length && this.ranThisTurn < this.perTurn) {
      this.ranThisTurn += 1;
      this.schedule();
      task();
      return;
    }
    this.queue.push(task);
    this.schedule();
  }

  /** Drops what is still waiting (the connection is gone). */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    this.ranThisTurn = 0;
    while (this.head < this.queue.length && this.ranThisTurn < this.perTurn) {
      const task = this.queue[this.head]!;
      this.head += 1;
      this.ranThisTurn += 1;
      task();
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else {
      this.schedule();
    }
  }
}
