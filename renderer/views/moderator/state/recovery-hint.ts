import { create } from 'zustand';
import type { Snapshot } from '../../../../shared/contract/state';
import { recoveryPlan, type RecoveryPlan } from '../../../../shared/schedule/recovery';
import { useSchedule } from '../../../app/schedule';
import { useRostrum } from '../../../app/store';

export interface LiveRecovery {
  /** The recovery hint as of the last projection; null without a snapshot. */
  plan: RecoveryPlan | null;
}

/**
 * The recovery hint, beside the display's one projection (renderer/app/schedule.ts): computed when
 * the state changes, and as the projection moves with time at most every few seconds. Consumers
 * re-render only when the hint actually changed.
 */
export const useLiveRecovery = create<LiveRecovery>(() => ({ plan: null }));

/**
 * The hint re-projects the agenda a few dozen times (it searches for the cut), so as time alone
 * passes it is refreshed at most this often; any change of state refreshes it at once.
 */
const PLAN_EVERY_MS = 5000;

type Inputs = Pick<Snapshot, 'agenda' | 'clock' | 'report'>;

let last: { inputs: Inputs | null; planKey: string; planAt: number } = { inputs: null, planKey: '', planAt: -Infinity };

/** Never lets a failure here stop the stores' other listeners (the views) from hearing of a change. */
function recompute(): void {
  try {
    update();
  } catch (error) {
    console.error('recovery hint:', error);
  }
}

function update(): void {
  const snapshot = useRostrum.getState().snapshot;
  const { schedule, at } = useSchedule.getState();
  if (snapshot === null || schedule === null) {
    last = { inputs: null, planKey: '', planAt: -Infinity };
    useLiveRecovery.setState({ plan: null });
    return;
  }
  const inputs: Inputs = { agenda: snapshot.agenda, clock: snapshot.clock, report: snapshot.report };
  const inputsChanged =
    last.inputs === null ||
    inputs.agenda !== last.inputs.agenda ||
    inputs.clock !== last.inputs.clock ||
    inputs.report !== last.inputs.report;
  // With the same inputs and the same projection, the hint cannot have changed either.
  if (!inputsChanged && at - last.planAt < PLAN_EVERY_MS) return;
  const plan = recoveryPlan(inputs, at);
  const planKey = JSON.stringify(plan);
  const planChanged = planKey !== last.planKey;
  last = { inputs, planKey, planAt: at };
  if (planChanged) useLiveRecovery.setState({ plan });
}

/** Starts the hint; returns a function that stops it. Call once per page, after startSchedule. */
export function startLiveRecovery(): () => void {
  recompute();
  // The projection is redone on every change of state and as time moves it: the hint follows it.
  return useSchedule.subscribe((now, before) => {
    if (now.schedule !== before.schedule || now.at !== before.at) recompute();
  });
}
