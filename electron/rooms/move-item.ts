import { findItem } from '../../shared/agenda/agenda-queries';
import { apiError, CommandError, type ApiError } from '../../shared/contract/errors';
import type { MoveItemAnswer, MoveItemBody } from '../../shared/contract/rooms';
import type { RostrumState } from '../../shared/contract/state';
import { recordOf } from '../../shared/report/report-types';
import type { Instant } from '../../shared/time/instant';
import { applyCommand } from '../engine/apply-command';
import type { RoomRegistry } from './room-registry';

type Moved = { from: RostrumState; to: RostrumState };

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** The body, checked; the first field that is wrong otherwise. */
function readBody(input: unknown): MoveItemBody | ApiError {
  const b = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  for (const field of ['itemId', 'toRoom', 'toSessionId'] as const) {
    if (!text(b[field])) return apiError('invalid', `${field}: must be a non-empty string`, field);
  }
  if (b['beforeItemId'] !== undefined && !text(b['beforeItemId'])) return apiError('invalid', 'beforeItemId: must be a non-empty string when given', 'beforeItemId');
  return {
    itemId: b['itemId'] as string,
    toRoom: b['toRoom'] as string,
    toSessionId: b['toSessionId'] as string,
    ...(b['beforeItemId'] !== undefined ? { beforeItemId: b['beforeItemId'] as string } : {}),
  };
}

/**
 * Both rooms' next states (each one revision on): the engine's own `item.remove` in room `fromId`
 * and `item.insert` in `body.toRoom`, so a move obeys every rule they do, and the item's report
 * entry goes with it. Pure; throws a CommandError naming the field.
 */
export function planMove(from: RostrumState, to: RostrumState, fromId: string, body: MoveItemBody, now: Instant): Moved {
  const found = findItem(from.agenda, body.itemId);
  if (!found) throw new CommandError('unknown-item', `itemId: no item "${body.itemId}" in room "${fromId}"`, 'itemId');
  const status = from.clock.status;
  if (from.clock.currentItemId === body.itemId && status !== 'ended') {
    throw new CommandError(
      'item-is-current',
      `itemId: "${body.itemId}" is the current item of room "${fromId}" (its clock is ${status}); move on to another item before moving it to room "${body.toRoom}"`,
      'itemId',
    );
  }
  if (recordOf(to.report, body.itemId)) {
    throw new CommandError('invalid', `itemId: room "${body.toRoom}"'s report already has an entry for "${body.itemId}" (a removed item); rename the item first`, 'itemId');
  }
  let toNext: RostrumState;
  try {
    toNext = applyCommand(to, { type: 'item.insert', sessionId: body.toSessionId, item: found.item, ...(body.beforeItemId !== undefined ? { beforeItemId: body.beforeItemId } : {}) }, now);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    const path = error.path === 'sessionId' ? 'toSessionId' : error.path === 'item.id' ? 'itemId' : error.path;
    throw new CommandError(error.code, `${path}${error.message.slice(error.message.indexOf(':'))} (room "${body.toRoom}")`, path);
  }
  const fromNext = applyCommand(from, { type: 'item.remove', itemId: body.itemId }, now);
  const record = recordOf(from.report, body.itemId);
  if (!record) return { from: fromNext, to: toNext };
  const { [body.itemId]: _carried, ...rest } = fromNext.report;
  return { from: { ...fromNext, report: rest }, to: { ...toNext, report: { ...toNext.report, [body.itemId]: record } } };
}

/**
 * Moves an item between two rooms, whose states live in two files (each replaced atomically). Both
 * files hold the move, or neither does:
 * 1. `rooms.json` notes the move under way (`pendingMove`);
 * 2. the target's file is written (the item is then in both files);
 * 3. the source's file is written; if that fails, the target's previous state is written back;
 * 4. the note is cleared, and only then does either room's state in memory change and broadcast.
 * A stop between 2 and 3 (or a failed write-back) leaves the note: the next start settles it
 * (settlePendingMove), taking the item out of the target again, since the move was not acknowledged.
 */
export function moveItemAcross(registry: RoomRegistry, fromId: string, input: unknown): { ok: true; answer: MoveItemAnswer } | { ok: false; error: ApiError } {
  const body = readBody(input);
  if ('code' in body) return { ok: false, error: body };
  const from = registry.core(fromId);
  if (!from) return { ok: false, error: apiError('not-found', `no room "${fromId}"`, 'room') };
  const to = registry.core(body.toRoom);
  if (!to) return { ok: false, error: apiError('not-found', `toRoom: no room "${body.toRoom}"`, 'toRoom') };
  if (to === from) return { ok: false, error: apiError('invalid', `toRoom: the item is already in room "${fromId}"; use the item.move command within a room`, 'toRoom') };
  let moved: Moved;
  try {
    moved = planMove(from.state, to.state, fromId, body, from.clock.now());
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.toApiError() };
    throw error;
  }
  const failed = (error: unknown, what: string): { ok: false; error: ApiError } => ({
    ok: false,
    error: apiError('persist-failed', `the move could not be saved (${what}: ${(error as Error).message}); both rooms are unchanged`),
  });
  try {
    registry.markMove({ itemId: body.itemId, from: fromId, to: body.toRoom });
  } catch (error) {
    return failed(error, 'the room list');
  }
  try {
    to.saveAhead(moved.to);
  } catch (error) {
    clearNote(registry);
    return failed(error, `room "${body.toRoom}"`);
  }
  try {
    from.saveAhead(moved.from);
  } catch (error) {
    try {
      to.saveAhead(to.state);
      clearNote(registry);
    } catch {
      // The note stays in rooms.json: the next start takes the item out of the target again.
    }
    return failed(error, `room "${fromId}"`);
  }
  // Both files hold the move: a stop from here on keeps it (settlePendingMove finds it in the target only).
  clearNote(registry);
  to.adopt(moved.to, 'control');
  from.adopt(moved.from, 'control');
  return { ok: true, answer: { ok: true, from: { room: fromId, revision: moved.from.revision }, to: { room: body.toRoom, revision: moved.to.revision } } };
}

function clearNote(registry: RoomRegistry): void {
  try {
    registry.markMove(null);
  } catch {
    // A note left behind is harmless: at the next start the item is in one room only, and it is dropped.
  }
}

/** `state` without the item a move had put there: its agenda entry, its report entry, and its place as current. */
function withoutItem(state: RostrumState, itemId: string): RostrumState {
  const { [itemId]: _dropped, ...report } = state.report;
  const clock = state.clock.currentItemId === itemId ? { ...state.clock, currentItemId: null } : state.clock;
  const sessions = state.agenda.sessions.map((s) => (s.items.some((i) => i.id === itemId) ? { ...s, items: s.items.filter((i) => i.id !== itemId) } : s));
  return { ...state, agenda: { ...state.agenda, sessions }, report, clock, revision: state.revision + 1 };
}

/**
 * At start: a move noted in rooms.json whose item is in both rooms was stopped between the two
 * saves, and never acknowledged; the item goes back to being only in its first room. A warning for
 * the start-up output, or null when there was nothing to settle.
 */
export function settlePendingMove(registry: RoomRegistry): string | null {
  const move = registry.pendingMove;
  if (!move) return null;
  const from = registry.core(move.from);
  const to = registry.core(move.to);
  let warning: string | null = null;
  if (from && to && findItem(from.state.agenda, move.itemId) && findItem(to.state.agenda, move.itemId)) {
    const back = withoutItem(to.state, move.itemId);
    try {
      to.saveAhead(back);
    } catch (error) {
      // The note stays: the next start tries again. Until then the item shows in both rooms.
      return `Moving item "${move.itemId}" from room "${move.from}" to room "${move.to}" was interrupted, and room "${move.to}" could not be written back (${(error as Error).message}): the item shows in both rooms until the next start.`;
    }
    to.adopt(back, 'automatic');
    warning = `Moving item "${move.itemId}" from room "${move.from}" to room "${move.to}" was interrupted before it was saved in both rooms: the item stays in room "${move.from}".`;
  }
  try {
    registry.markMove(null);
  } catch {
    // Harmless: at the next start the item is in one room only, and the note is dropped then.
  }
  return warning;
}
