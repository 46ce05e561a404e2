import { findItem, nextPlayable, previousPlayable } from '../../shared/agenda/agenda-queries';
import { elapsedMs } from '../../shared/clock/clock-math';
import type { ClockState } from '../../shared/clock/clock-state';
import type { CommandOf } from '../../shared/contract/commands';
import { CommandError } from '../../shared/contract/errors';
import type { RostrumState } from '../../shared/contract/state';
import { durationMs, type Instant } from '../../shared/time/instant';
import { closePause, recordLeaving, recordOf, updateRecord } from './item-records';
import { clearForNewItem } from './messages';

/** Refuses a command whose `expectedItemId` no longer matches: someone else already moved on. */
export function checkExpected(state: RostrumState, expectedItemId: string | undefined): void {
  if (expectedItemId !== undefined && expectedItemId !== state.clock.currentItemId) {
    throw new CommandError(
      'stale-item',
      `expectedItemId: the current item is ${state.clock.currentItemId ?? 'none'}, not ${expectedItemId}`,
      'expectedItemId',
    );
  }
}

function requireCurrent(state: RostrumState): string {
  if (state.clock.currentItemId === null || state.clock.status === 'ended') {
    throw new CommandError('no-current-item', 'there is no current item (the event has ended or has no items)');
  }
  return state.clock.currentItemId;
}

export function start(state: RostrumState, now: Instant): RostrumState {
  const itemId = requireCurrent(state);
  if (state.clock.status === 'running') return state;
  return {
    ...state,
    clock: { ...state.clock, status: 'running', runningSince: now },
    report: updateRecord(state.report, itemId, (r) => ({ ...closePause(r, now), actualStart: r.actualStart ?? now, actualEnd: null })),
  };
}

export function pause(state: RostrumState, now: Instant): RostrumState {
  const itemId = requireCurrent(state);
  if (state.clock.status !== 'running') return state;
  return {
    ...state,
    clock: { ...state.clock, status: 'paused', runningSince: null, accumulatedMs: elapsedMs(state.clock, now) },
    report: updateRecord(state.report, itemId, (r) => ({ ...r, pauses: [...r.pauses, { from: now, to: null }] })),
  };
}

/**
 * Makes `itemId` current (or ends the event when null). A running clock keeps running on the new
 * item; otherwise the item is loaded, ready. A revisited item gets back the time it had.
 */
export function loadItem(state: RostrumState, itemId: string | null, now: Instant): RostrumState {
  return clearForNewItem(load(state, itemId, now), state.clock.currentItemId);
}

function load(state: RostrumState, itemId: string | null, now: Instant): RostrumState {
  const wasRunning = state.clock.status === 'running';
  const report = recordLeaving(state.report, state.clock, now);
  if (itemId === null) {
    const clock: ClockState = { status: 'ended', currentItemId: null, runningSince: null, accumulatedMs: durationMs(0), addedMs: durationMs(0) };
    return { ...state, clock, report };
  }
  const prior = recordOf(report, itemId);
  const accumulatedMs = prior?.elapsedMs ?? durationMs(0);
  const clock: ClockState = {
    status: wasRunning ? 'running' : accumulatedMs > 0 ? 'paused' : 'idle',
    currentItemId: itemId,
    runningSince: wasRunning ? now : null,
    accumulatedMs,
    addedMs: prior?.addedMs ?? durationMs(0),
  };
  const loaded = { ...state, clock, report };
  if (!wasRunning) return loaded;
  return {
    ...loaded,
    report: updateRecord(report, itemId, (r) => ({ ...closePause(r, now), actualStart: r.actualStart ?? now, actualEnd: null })),
  };
}

export function next(state: RostrumState, cmd: CommandOf<'next'>, now: Instant): RostrumState {
  checkExpected(state, cmd.expectedItemId);
  if (state.clock.status === 'ended') return state;
  return loadItem(state, nextPlayable(state.agenda, state.clock.currentItemId)?.item.id ?? null, now);
}

export function previous(state: RostrumState, cmd: CommandOf<'previous'>, now: Instant): RostrumState {
  checkExpected(state, cmd.expectedItemId);
  const target = previousPlayable(state.agenda, state.clock.currentItemId);
  if (!target) return state;
  return loadItem(state, target.item.id, now);
}

export function goto(state: RostrumState, cmd: CommandOf<'goto'>, now: Instant): RostrumState {
  checkExpected(state, cmd.expectedItemId);
  const target = findItem(state.agenda, cmd.itemId);
  if (!target) throw new CommandError('unknown-item', `itemId: no item "${cmd.itemId}"`, 'itemId');
  if (target.item.skipped) {
    throw new CommandError('item-skipped', `itemId: "${cmd.itemId}" is skipped; unskip it first`, 'itemId');
  }
  if (cmd.itemId === state.clock.currentItemId && state.clock.status !== 'ended') return state;
  return loadItem(state, cmd.itemId, now);
}

export function adjust(state: RostrumState, cmd: CommandOf<'adjust'>): RostrumState {
  checkExpected(state, cmd.expectedItemId);
  requireCurrent(state);
  return { ...state, clock: { ...state.clock, addedMs: durationMs(state.clock.addedMs + cmd.seconds * 1000) } };
}

export function reset(state: RostrumState, cmd: CommandOf<'reset'>): RostrumState {
  checkExpected(state, cmd.expectedItemId);
  const itemId = requireCurrent(state);
  const { clock } = state;
  // Already at full time, stopped, nothing recorded: nothing to reset (no revision bump).
  const untouched = clock.status === 'idle' && clock.accumulatedMs === 0 && clock.addedMs === 0;
  if (untouched && !recordOf(state.report, itemId)) return state;
  const { [itemId]: _dropped, ...report } = state.report;
  return {
    ...state,
    clock: { status: 'idle', currentItemId: itemId, runningSince: null, accumulatedMs: durationMs(0), addedMs: durationMs(0) },
    report,
  };
}
