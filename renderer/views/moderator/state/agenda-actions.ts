import { findItem } from '../../../../shared/agenda/agenda-queries';
import type { ApiError } from '../../../../shared/contract/errors';
import { useRostrum } from '../../../app/store';
import { isNoMove, placeOf, stepTarget, type MoveTarget } from '../lib/moves';
import { setRemoved, useFeedback } from './feedback';
import { runCommand } from './run-command';

const agenda = () => useRostrum.getState().snapshot?.agenda;

/** Moves an item (drag and drop, or the keyboard). A move that changes nothing sends nothing. */
export async function moveItem(itemId: string, target: MoveTarget): Promise<boolean> {
  const a = agenda();
  if (!a || isNoMove(a, itemId, target)) return false;
  const { sessionId, beforeItemId } = target;
  const ack = await runCommand(
    beforeItemId === undefined ? { type: 'item.move', itemId, sessionId } : { type: 'item.move', itemId, sessionId, beforeItemId },
    'moderator.action.move',
  );
  return ack.ok;
}

/** One place up or down (across into the neighbouring session at an edge). */
export async function stepItem(itemId: string, direction: -1 | 1): Promise<boolean> {
  const a = agenda();
  const target = a ? stepTarget(a, itemId, direction) : null;
  return target ? moveItem(itemId, target) : false;
}

export async function setSkipped(itemId: string, skipped: boolean): Promise<void> {
  await runCommand({ type: 'skip', itemId, skipped }, skipped ? 'moderator.action.skip' : 'moderator.action.unskip');
}

/** Removes an item and keeps it, with its place, so the removal can be undone. */
export async function removeItem(itemId: string): Promise<{ ok: boolean; error?: ApiError }> {
  const a = agenda();
  const located = a ? findItem(a, itemId) : undefined;
  const place = a ? placeOf(a, itemId) : null;
  const ack = await runCommand({ type: 'item.remove', itemId }, 'moderator.action.remove');
  if (ack.ok && located && place) setRemoved({ item: located.item, ...place });
  return ack.ok ? { ok: true } : { ok: false, error: ack.error };
}

/** Puts the last removed item back where it was (at its session's end if its neighbour has gone too). */
export async function undoRemove(): Promise<void> {
  const removed = useFeedback.getState().removed;
  const a = agenda();
  if (!removed || !a) return;
  const session = a.sessions.find((s) => s.id === removed.sessionId);
  const before = removed.beforeItemId !== null && session?.items.some((i) => i.id === removed.beforeItemId) ? removed.beforeItemId : undefined;
  const sessionId = session ? session.id : (a.sessions[0]?.id ?? removed.sessionId);
  const ack = await runCommand(
    before === undefined
      ? { type: 'item.insert', sessionId, item: removed.item }
      : { type: 'item.insert', sessionId, beforeItemId: before, item: removed.item },
    'moderator.action.undoRemove',
  );
  if (ack.ok) setRemoved(null);
}
