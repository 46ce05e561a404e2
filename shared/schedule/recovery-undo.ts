import type { Agenda } from '../agenda/agenda-schema';
import { findItem } from '../agenda/agenda-queries';
import type { RecoveryUndo } from '../contract/state';

export interface UndoPlan {
  /** itemId → the duration it goes back to: items still as the recovery left them. */
  revert: Map<string, number>;
  /** Items edited by hand since the recovery, in agenda order: undo keeps their new duration. */
  kept: string[];
}

/**
 * What undoing a recovery does: only what the recovery changed and nobody has edited since goes
 * back. An item set to 10:00 by hand after the cut keeps its 10:00; items removed since are left
 * alone. A recovery saved before `applied` was kept reverts as it always did: every item.
 * The engine applies this; the console shows `kept`, computed the same way.
 */
export function undoPlan(recovery: RecoveryUndo, agenda: Agenda): UndoPlan {
  const revert = new Map<string, number>();
  const kept: string[] = [];
  for (const [itemId, previousSec] of Object.entries(recovery.previous)) {
    const item = findItem(agenda, itemId)?.item;
    if (!item) continue;
    const appliedSec = recovery.applied?.[itemId];
    if (appliedSec === undefined || item.durationSec === appliedSec) revert.set(itemId, previousSec);
    else kept.push(itemId);
  }
  return { revert, kept };
}
