/**
 * The relay's mirror of a venue: per channel, the last snapshot, kept up to date by the venue's
 * patches and handed to every late joiner. It knows revisions, nothing of agendas: how a patch folds
 * into a snapshot is given (`fold`, the views' own `applyPatch`). It knows no transport either, so a
 * hot-standby venue could follow another with the same code, and a Redis store can replace the
 * memory one for several relay processes.
 */
export interface Revisioned {
  revision: number;
}

export type FoldResult<S> = { kind: 'applied'; snapshot: S } | { kind: 'gap' } | { kind: 'stale' };

/** Where the last snapshot of each channel lives: memory with one process; shared through Redis with several. */
export interface SnapshotStore<S> {
  get(channel: string): S | null;
  /**
   * The channel's latest snapshot: the source's whole state, or (with `patch`) the last one with
   * that patch folded in — a shared store can then pass the small patch on, not the whole state.
   */
  set(channel: string, snapshot: S, patch?: Revisioned): void;
  delete(channel: string): void;
}

export function memorySnapshotStore<S>(): SnapshotStore<S> {
  const snapshots = new Map<string, S>();
  return {
    get: (channel) => snapshots.get(channel) ?? null,
    set: (channel, snapshot) => void snapshots.set(channel, snapshot),
    delete: (channel) => void snapshots.delete(channel),
  };
}

/** What the mirror asks of its surroundings: fan-out to the channel's viewers, and resync requests upstream. */
export interface MirrorOutput<S, P> {
  snapshot(channel: string, snapshot: S): void;
  patch(channel: string, patch: P): void;
  /** A revision was missed: ask the source for a fresh snapshot. */
  resync(channel: string): void;
}

export class ChannelMirror<S extends Revisioned, P extends Revisioned> {
  /** Channels that asked for a snapshot and have not had one since: ask once, not per patch. */
  private readonly resyncing = new Set<string>();

  constructor(
    private readonly store: SnapshotStore<S>,
    private readonly fold: (local: S | null, patch: P) => FoldResult<S>,
    private readonly out: MirrorOutput<S, P>,
  ) {}

  latest(channel: string): S | null {
    return this.store.get(channel);
  }

  /** The source's whole state. Always taken, even an older revision: the source is the authority (a restored venue). */
  snapshot(channel: string, snapshot: S): void {
    this.resyncing.delete(channel);
    this.store.set(channel, snapshot);
    this.out.snapshot(channel, snapshot);
  }

  patch(channel: string, patch: P): void {
    const result = this.fold(this.store.get(channel), patch);
    if (result.kind === 'applied') {
      this.store.set(channel, result.snapshot, patch);
      this.out.patch(channel, patch);
    } else if (result.kind === 'gap' && !this.resyncing.has(channel)) {
      this.resyncing.add(channel);
      this.out.resync(channel);
    }
  }

  /** The source is gone: whatever was asked of it is void; it sends a snapshot when it returns. */
  sourceLost(channel: string): void {
    this.resyncing.delete(channel);
  }
}
