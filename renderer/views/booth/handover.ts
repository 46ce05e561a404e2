import type { BoothTurn } from '../../../shared/contract/state';
import { DEFAULT_TURN_SEC } from '../../../shared/contract/presets';
import type { Schedule } from '../../../shared/schedule/projection';

/** The booth is warned this long before its handover is due. */
export const HANDOVER_WARNING_MS = 60_000;
/** A handover this close to an item boundary counts as at the boundary, not mid-speech. */
export const BOUNDARY_SLACK_MS = 30_000;

export type TurnState = 'stopped' | 'running' | 'warning' | 'due';

export interface TurnReading {
  state: TurnState;
  turnSec: number;
  /** When the handover is due, epoch ms; null while no turn runs. */
  dueAt: number | null;
  /** Until the handover (negative once it is due); null while no turn runs. */
  remainingMs: number | null;
}

export const turnOf = (turns: Record<string, BoothTurn> | undefined, booth: string): BoothTurn =>
  (turns && Object.hasOwn(turns, booth) ? turns[booth] : undefined) ?? { turnSec: DEFAULT_TURN_SEC, startedAt: null };

export function readTurn(turn: BoothTurn, now: number): TurnReading {
  if (turn.startedAt === null) return { state: 'stopped', turnSec: turn.turnSec, dueAt: null, remainingMs: null };
  const dueAt = turn.startedAt + turn.turnSec * 1000;
  const remainingMs = dueAt - now;
  const state: TurnState = remainingMs <= 0 ? 'due' : remainingMs <= HANDOVER_WARNING_MS ? 'warning' : 'running';
  return { state, turnSec: turn.turnSec, dueAt, remainingMs };
}

export interface MidSpeech {
  /** The item on the floor when the handover falls due. */
  itemId: string;
  /** The nearest item boundary still ahead: hand over there instead. */
  suggestion: { at: number; edge: 'before' | 'after' };
}

/**
 * Whether the handover falls in the middle of someone's speech (by the projection), and the
 * nearest item boundary that is still ahead. Breaks do not count: nobody is being interpreted.
 */
export function midSpeechOf(
  dueAt: number,
  schedule: Schedule | null,
  now: number,
  isBreak: (itemId: string) => boolean,
): MidSpeech | null {
  const hit = schedule?.items.find(
    (i) =>
      (i.progress === 'current' || i.progress === 'upcoming') &&
      i.projectedStart !== null &&
      i.projectedEnd !== null &&
      i.projectedStart + BOUNDARY_SLACK_MS < dueAt &&
      dueAt < i.projectedEnd - BOUNDARY_SLACK_MS,
  );
  if (!hit || hit.projectedStart === null || hit.projectedEnd === null || isBreak(hit.itemId)) return null;
  const start = hit.projectedStart;
  const end = hit.projectedEnd;
  const startAhead = start > now;
  const before = startAhead && dueAt - start <= end - dueAt;
  return { itemId: hit.itemId, suggestion: before ? { at: start, edge: 'before' } : { at: end, edge: 'after' } };
}
