import type { Agenda, Item, Session } from './agenda-schema';

export interface LocatedItem {
  item: Item;
  session: Session;
  /** Position in the whole agenda, across sessions. */
  index: number;
}

export function flattenItems(agenda: Agenda): LocatedItem[] {
  const out: LocatedItem[] = [];
  for (const session of agenda.sessions) {
    for (const item of session.items) out.push({ item, session, index: out.length });
  }
  return out;
}

export function findItem(agenda: Agenda, itemId: string | null): LocatedItem | undefined {
  if (itemId === null) return undefined;
  return flattenItems(agenda).find((l) => l.item.id === itemId);
}

/** The next item after `itemId` that is not skipped (or the first one, when itemId is null). */
export function nextPlayable(agenda: Agenda, itemId: string | null): LocatedItem | undefined {
  const all = flattenItems(agenda);
  const from = itemId === null ? -1 : all.findIndex((l) => l.item.id === itemId);
  return all.slice(from + 1).find((l) => !l.item.skipped);
}

export function previousPlayable(agenda: Agenda, itemId: string | null): LocatedItem | undefined {
  const all = flattenItems(agenda);
  const from = itemId === null ? all.length : all.findIndex((l) => l.item.id === itemId);
  return all
    .slice(0, Math.max(0, from))
    .reverse()
    .find((l) => !l.item.skipped);
}

export const firstPlayable = (agenda: Agenda): LocatedItem | undefined => nextPlayable(agenda, null);
