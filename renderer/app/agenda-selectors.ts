import { findItem, nextPlayable, type LocatedItem } from '../../shared/agenda/agenda-queries';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { ClockStatus } from '../../shared/clock/clock-state';

export interface Lineup {
  current: LocatedItem | undefined;
  next: LocatedItem | undefined;
  /** The whole agenda has been run. */
  ended: boolean;
}

/** The item on now and the next one that will run (skipped items are passed over). */
export function lineupOf(agenda: Agenda | undefined, currentItemId: string | null, status: ClockStatus): Lineup {
  if (agenda === undefined) return { current: undefined, next: undefined, ended: false };
  if (status === 'ended') return { current: undefined, next: undefined, ended: true };
  const current = findItem(agenda, currentItemId);
  // An id that is not in the agenda (mid-edit) has no meaningful "next".
  const next = current || currentItemId === null ? nextPlayable(agenda, current ? current.item.id : null) : undefined;
  return { current, next, ended: false };
}
