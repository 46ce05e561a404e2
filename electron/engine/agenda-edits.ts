import type { Agenda, Item, ItemPatch, Session } from '../../shared/agenda/agenda-schema';
import { itemSchema } from '../../shared/agenda/agenda-schema';
import { isRemoval } from '../../shared/agenda/patch-removals';
import { LIMITS } from '../../shared/agenda/agenda-constants';
import { findItem, nextPlayable } from '../../shared/agenda/agenda-queries';
import type { CommandOf } from '../../shared/contract/commands';
import { CommandError } from '../../shared/contract/errors';
import type { RostrumState } from '../../shared/contract/state';
import { issuesToErrors } from '../../shared/contract/validate';
import type { Instant } from '../../shared/time/instant';
import { loadItem } from './clock-commands';
import { initialState } from './initial-state';

function requireItem(agenda: Agenda, itemId: string, path = 'itemId') {
  const found = findItem(agenda, itemId);
  if (!found) throw new CommandError('unknown-item', `${path}: no item "${itemId}"`, path);
  return found;
}

function requireSession(agenda: Agenda, sessionId: string): Session {
  const session = agenda.sessions.find((s) => s.id === sessionId);
  if (!session) throw new CommandError('unknown-session', `sessionId: no session "${sessionId}"`, 'sessionId');
  return session;
}

const mapItems = (agenda: Agenda, fn: (items: Item[], session: Session) => Item[]): Agenda => ({
  ...agenda,
  sessions: agenda.sessions.map((s) => {
    const items = fn(s.items, s);
    return items === s.items ? s : { ...s, items };
  }),
});

function insertBefore(items: Item[], item: Item, beforeItemId: string | undefined): Item[] {
  const at = beforeItemId === undefined ? -1 : items.findIndex((i) => i.id === beforeItemId);
  return at === -1 ? [...items, item] : [...items.slice(0, at), item, ...items.slice(at)];
}

function requireRoom(session: Session, itemId: string): void {
  if (session.items.length >= LIMITS.maxItemsPerSession && !session.items.some((i) => i.id === itemId)) {
    throw new CommandError('invalid', `sessionId: session "${session.id}" already has ${LIMITS.maxItemsPerSession} items`, 'sessionId');
  }
}

function requireBefore(session: Session, beforeItemId: string | undefined): void {
  if (beforeItemId !== undefined && !session.items.some((i) => i.id === beforeItemId)) {
    throw new CommandError('unknown-item', `beforeItemId: no item "${beforeItemId}" in session "${session.id}"`, 'beforeItemId');
  }
}

/** If the current item has just been skipped, the clock moves on to the next one, as the chair would. */
function leaveIfSkipped(state: RostrumState, now: Instant): RostrumState {
  const current = findItem(state.agenda, state.clock.currentItemId);
  if (!current?.item.skipped || state.clock.status === 'ended') return state;
  return loadItem(state, nextPlayable(state.agenda, current.item.id)?.item.id ?? null, now);
}

/** An agenda that had no playable current item picks one up when items appear. */
function adoptCurrent(state: RostrumState): RostrumState {
  if (state.clock.currentItemId !== null || state.clock.status === 'ended') return state;
  const first = nextPlayable(state.agenda, null);
  return first ? { ...state, clock: { ...state.clock, currentItemId: first.item.id } } : state;
}

export function skip(state: RostrumState, cmd: CommandOf<'skip'>, now: Instant): RostrumState {
  const { item } = requireItem(state.agenda, cmd.itemId);
  if (item.skipped === cmd.skipped) return state;
  const agenda = mapItems(state.agenda, (items) =>
    items.some((i) => i.id === cmd.itemId) ? items.map((i) => (i.id === cmd.itemId ? { ...i, skipped: cmd.skipped } : i)) : items,
  );
  return adoptCurrent(leaveIfSkipped({ ...state, agenda }, now));
}

/** A new agenda is a new event: the clock stops and goes back to its first item, the report starts afresh. */
export function replaceAgenda(state: RostrumState, cmd: CommandOf<'agenda.replace'>): RostrumState {
  // The extra timers are not the agenda's: they keep running across a new agenda.
  return { ...initialState(cmd.agenda, state.revision), messages: state.messages, display: state.display, booth: state.booth, aux: state.aux };
}

function applyPatch(item: Item, patch: ItemPatch): Item {
  const merged: Record<string, unknown> = { ...item };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (isRemoval(key, value)) delete merged[key];
    else if (key === 'speaker') merged[key] = { ...item.speaker, ...(value as object) };
    else merged[key] = value;
  }
  const result = itemSchema.safeParse(merged);
  if (!result.success) {
    const first = issuesToErrors(result.error.issues, 'patch')[0];
    throw new CommandError('invalid', first?.message ?? 'patch: invalid', first?.path ?? 'patch');
  }
  return result.data;
}

/** Plain JSON data compared by value (an item is primitives plus the speaker object). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameData(x[k], y[k]));
}

export function updateItem(state: RostrumState, cmd: CommandOf<'item.update'>, now: Instant): RostrumState {
  const { item } = requireItem(state.agenda, cmd.itemId);
  const patched = applyPatch(item, cmd.patch);
  // A patch that changes nothing (e.g. a form saved unchanged) is a no-op: no revision bump.
  if (sameData(item, patched)) return state;
  const agenda = mapItems(state.agenda, (items) =>
    items.some((i) => i.id === cmd.itemId) ? items.map((i) => (i.id === cmd.itemId ? patched : i)) : items,
  );
  return adoptCurrent(leaveIfSkipped({ ...state, agenda }, now));
}

export function insertItem(state: RostrumState, cmd: CommandOf<'item.insert'>): RostrumState {
  const session = requireSession(state.agenda, cmd.sessionId);
  requireRoom(session, cmd.item.id);
  requireBefore(session, cmd.beforeItemId);
  const taken = findItem(state.agenda, cmd.item.id) ?? state.agenda.sessions.find((s) => s.id === cmd.item.id);
  if (taken) throw new CommandError('invalid', `item.id: "${cmd.item.id}" is already used`, 'item.id');
  const agenda = mapItems(state.agenda, (items, s) => (s.id === cmd.sessionId ? insertBefore(items, cmd.item, cmd.beforeItemId) : items));
  return adoptCurrent({ ...state, agenda });
}

export function removeItem(state: RostrumState, cmd: CommandOf<'item.remove'>): RostrumState {
  requireItem(state.agenda, cmd.itemId);
  if (cmd.itemId === state.clock.currentItemId && state.clock.status !== 'ended') {
    throw new CommandError('item-is-current', `itemId: "${cmd.itemId}" is the current item; move on or skip it first`, 'itemId');
  }
  // The item's record stays in the report: an undo that re-inserts it gets its history back.
  const agenda = mapItems(state.agenda, (items) => (items.some((i) => i.id === cmd.itemId) ? items.filter((i) => i.id !== cmd.itemId) : items));
  return { ...state, agenda };
}

export function moveItem(state: RostrumState, cmd: CommandOf<'item.move'>): RostrumState {
  const { item } = requireItem(state.agenda, cmd.itemId);
  const target = requireSession(state.agenda, cmd.sessionId);
  requireRoom(target, cmd.itemId);
  requireBefore(target, cmd.beforeItemId);
  if (cmd.beforeItemId === cmd.itemId) return state;
  const without = mapItems(state.agenda, (items) => (items.some((i) => i.id === cmd.itemId) ? items.filter((i) => i.id !== cmd.itemId) : items));
  const agenda = mapItems(without, (items, s) => (s.id === cmd.sessionId ? insertBefore(items, item, cmd.beforeItemId) : items));
  const unchanged = agenda.sessions.every((s, i) => s.items.map((x) => x.id).join() === state.agenda.sessions[i]?.items.map((x) => x.id).join());
  return unchanged ? state : { ...state, agenda };
}

