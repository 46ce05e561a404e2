import type { CommandOf } from '../../shared/contract/commands';
import { CommandError } from '../../shared/contract/errors';
import type { RostrumState } from '../../shared/contract/state';
import { recoveryPlan } from '../../shared/schedule/recovery';
import { undoPlan } from '../../shared/schedule/recovery-undo';
import type { Instant } from '../../shared/time/instant';
import { checkExpected } from './clock-commands';
import { withDurations } from '../../shared/agenda/agenda-transforms';

/** Applies the recovery hint as computed now, on the server, and keeps what it changed for undo. */
export function applyRecovery(state: RostrumState, cmd: CommandOf<'recovery.apply'>, now: Instant): RostrumState {
  checkExpected(state, cmd.expectedItemId);
  const plan = recoveryPlan(state, now);
  if (plan.cuts.length === 0) {
    throw new CommandError('nothing-to-recover', 'the event is not running late, or no item can be shortened');
  }
  return {
    ...state,
    agenda: withDurations(state.agenda, new Map(plan.cuts.map((c) => [c.itemId, c.toSec]))),
    recovery: {
      appliedAt: now,
      previous: Object.fromEntries(plan.cuts.map((c) => [c.itemId, c.fromSec])),
      applied: Object.fromEntries(plan.cuts.map((c) => [c.itemId, c.toSec])),
    },
  };
}

/**
 * Gives the shortened items their durations back: those still in the agenda and still at the
 * duration the recovery gave them. An item edited by hand since keeps its edit (undoPlan).
 */
export function undoRecovery(state: RostrumState, _cmd: CommandOf<'recovery.undo'>): RostrumState {
  if (state.recovery === null) throw new CommandError('nothing-to-undo', 'no recovery has been applied');
  return {
    ...state,
    agenda: withDurations(state.agenda, undoPlan(state.recovery, state.agenda).revert),
    recovery: null,
  };
}
