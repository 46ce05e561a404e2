import { durationMs, type DurationMs, type Instant } from '../time/instant';

/** A pause of an item: from when, and until when (null while still paused). */
export interface PauseRecord {
  from: Instant;
  to: Instant | null;
}

/**
 * What actually happened to one item. Kept in state and persisted with every command,
 * so the timing report survives a crash.
 */
export interface ItemRecord {
  /** First time the item's clock started. */
  actualStart: Instant | null;
  /** When the item was left (next/previous/goto/end); cleared if it becomes current again. */
  actualEnd: Instant | null;
  /** Running time accumulated on the item, excluding pauses; restored if the item is revisited. */
  elapsedMs: DurationMs;
  /** Time the moderator added (+) or took away (−). */
  addedMs: DurationMs;
  pauses: PauseRecord[];
  /** Started by an automatic transition (a scheduled start, an auto-advance), not by a person. */
  startedAutomatically?: boolean;
  /** Its actualEnd was an automatic transition (an auto-advance moved on from it). */
  endedAutomatically?: boolean;
}

export type Report = Record<string, ItemRecord>;

export const emptyRecord = (): ItemRecord => ({ actualStart: null, actualEnd: null, elapsedMs: durationMs(0), addedMs: durationMs(0), pauses: [] });

/** An item's record: own keys only, so an item called "constructor" never reads Object.prototype. */
export function recordOf(report: Report, itemId: string): ItemRecord | undefined {
  return Object.hasOwn(report, itemId) ? report[itemId] : undefined;
}
