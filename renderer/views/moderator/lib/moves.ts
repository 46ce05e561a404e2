import type { Agenda } from '../../../../shared/agenda/agenda-schema';

/** Where an item goes: into `sessionId`, before `beforeItemId` (undefined: at the session's end). */
export interface MoveTarget {
  sessionId: string;
  beforeItemId: string | undefined;
}

function locate(agenda: Agenda, itemId: string): { s: number; i: number } | null {
  for (let s = 0; s < agenda.sessions.length; s += 1) {
    const i = agenda.sessions[s]!.items.findIndex((x) => x.id === itemId);
    if (i !== -1) return { s, i };
  }
  return null;
}

/**
 * One step up or down, as Alt+↑/↓ and the row's arrows do. At a session's edge the item crosses
 * into the neighbouring session (to its end going up, to its start going down). Null at the very
 * first or last place.
 */
export function stepTarget(agenda: Agenda, itemId: string, direction: -1 | 1): MoveTarget | null {
  const at = locate(agenda, itemId);
  if (!at) return null;
  const session = agenda.sessions[at.s]!;
  if (direction === -1) {
    if (at.i > 0) return { sessionId: session.id, beforeItemId: session.items[at.i - 1]!.id };
    const prev = agenda.sessions[at.s - 1];
    return prev ? { sessionId: prev.id, beforeItemId: undefined } : null;
  }
  if (at.i < session.items.length - 1) return { sessionId: session.id, beforeItemId: session.items[at.i + 2]?.id };
  const next = agenda.sessions[at.s + 1];
  return next ? { sessionId: next.id, beforeItemId: next.items[0]?.id } : null;
}

/** The target of a drop before or after `overItemId` (the dragged item itself is not a neighbour). */
export function dropTarget(agenda: Agenda, draggedId: string, overItemId: string, place: 'before' | 'after'): MoveTarget | null {
  const at = locate(agenda, overItemId);
  if (!at) return null;
  const session = agenda.sessions[at.s]!;
  if (place === 'before') return { sessionId: session.id, beforeItemId: overItemId };
  const following = session.items.slice(at.i + 1).find((x) => x.id !== draggedId);
  return { sessionId: session.id, beforeItemId: following?.id };
}

/** True when moving `itemId` to `target` would leave the agenda as it is. */
export function isNoMove(agenda: Agenda, itemId: string, target: MoveTarget): boolean {
  const at = locate(agenda, itemId);
  if (!at) return true;
  const session = agenda.sessions[at.s]!;
  if (session.id !== target.sessionId) return false;
  if (target.beforeItemId === itemId) return true;
  const following = session.items[at.i + 1]?.id;
  return following === target.beforeItemId;
}

/** Where an item sits now, so that a removal can be undone: its session and the item after it. */
export function placeOf(agenda: Agenda, itemId: string): { sessionId: string; beforeItemId: string | null } | null {
  const at = locate(agenda, itemId);
  if (!at) return null;
  const session = agenda.sessions[at.s]!;
  return { sessionId: session.id, beforeItemId: session.items[at.i + 1]?.id ?? null };
}
