import type { Agenda, Item, Session } from './agenda-schema';

export interface LocatedItem {
  item: Item;
  session: Session;
  /** Position in the whole agenda, across sessions. */
  index: number;
}

/**
 * Agendas are immutable (a change replaces the object), so their flat list and id index are
 * computed once per agenda, not on every call: the views call these every frame.
 */
interface AgendaIndex {
  items: readonly LocatedItem[];
  byId: ReadonlyMap<string, LocatedItem>;
}
const indexes = new WeakMap<Agenda, AgendaIndex>();

function indexOf(agenda: Agenda): AgendaIndex {
  let index = indexes.get(agenda);
  if (!index) {
    const items: LocatedItem[] = [];
    const byId = new Map<string, LocatedItem>();
    for (const session of agenda.sessions) {
      for (const item of session.items) {
        const located = { item, session, index: items.length };
        items.push(located);
        if (!byId.has(item.id)) byId.set(item.id, located);
      }
    }
    index = { items, byId };
    indexes.set(agenda, index);
  }
  return index;
}

export function flattenItems(agenda: Agenda): readonly LocatedItem[] {
  return indexOf(agenda).items;
}

export function findItem(agenda: Agenda, itemId: string | null): LocatedItem | undefined {
  if (itemId === null) return undefined;
  return indexOf(agenda).byId.get(itemId);
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
