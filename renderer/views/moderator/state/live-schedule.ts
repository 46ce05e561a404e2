import { create } from 'zustand';
import type { Snapshot } from '../../../../shared/contract/state';
import { projectSchedule, type Schedule } from '../../../../shared/schedule/projection';
import { recoveryPlan, type RecoveryPlan } from '../../../../shared/schedule/recovery';
import { instant } from '../../../../shared/time/instant';
import { serverNow } from '../../../app/server-clock';
import { useRostrum } from '../../../app/store';

export interface LiveSchedule {
  schedule: Schedule | null;
  /** The recovery hint as of now; null without a snapshot. */
  plan: RecoveryPlan | null;
}

/**
 * The projection and the recovery hint, computed here with the estimated server time: when the
 * snapshot changes, and once a second (a paused or overrunning item pushes everything later as
 * time passes). Consumers re-render only when a result actually changed, never every frame.
 */
export const useLiveSchedule = create<LiveSchedule>(() => ({ schedule: null, plan: null }));

const TICK_MS = 1000;
/**
 * The hint re-projects the agenda a few dozen times (it searches for the cut), so as time alone
 * passes it is refreshed at most this often; any change of state refreshes it at once.
 */
const PLAN_EVERY_MS = 5000;

type Inputs = Pick<Snapshot, 'agenda' | 'clock' | 'report'>;

let last: { inputs: Inputs | null; scheduleKey: string; planKey: string; planAt: number } = {
  inputs: null,
  scheduleKey: '',
  planKey: '',
  planAt: -Infinity,
};

/** Never lets a failure here stop the store's other listeners (the views) from hearing of a change. */
function recompute(): void {
  try {
    update();
  } catch (error) {
    console.error('live schedule:', error);
  }
}

function update(): void {
  const snapshot = useRostrum.getState().snapshot;
  if (snapshot === null) {
    last = { inputs: null, scheduleKey: '', planKey: '', planAt: -Infinity };
    useLiveSchedule.setState({ schedule: null, plan: null });
    return;
  }
  const nowMs = serverNow();
  const now = instant(nowMs);
  const inputs: Inputs = { agenda: snapshot.agenda, clock: snapshot.clock, report: snapshot.report };
  const inputsChanged =
    last.inputs === null ||
    inputs.agenda !== last.inputs.agenda ||
    inputs.clock !== last.inputs.clock ||
    inputs.report !== last.inputs.report;
  const schedule = projectSchedule(inputs, now);
  const scheduleKey = JSON.stringify(schedule);
  const scheduleChanged = scheduleKey !== last.scheduleKey;
  // With the same inputs and the same projection, the hint cannot have changed either.
  const planDue = inputsChanged || (scheduleChanged && nowMs - last.planAt >= PLAN_EVERY_MS);
  const plan = planDue ? recoveryPlan(inputs, now) : null;
  const planKey = plan ? JSON.stringify(plan) : last.planKey;
  const planChanged = planKey !== last.planKey;
  last = { inputs, scheduleKey, planKey, planAt: planDue ? nowMs : last.planAt };
  // Unchanged results keep their old objects, so nothing re-renders for them.
  if (scheduleChanged || planChanged) {
    useLiveSchedule.setState({
      ...(scheduleChanged ? { schedule } : {}),
      ...(planChanged ? { plan } : {}),
    });
  }
}

const inputsMoved = (a: Snapshot | null, b: Snapshot | null) =>
  a?.agenda !== b?.agenda || a?.clock !== b?.clock || a?.report !== b?.report;

/** Starts the computation; returns a function that stops it. Call once per page. */
export function startLiveSchedule(): () => void {
  recompute();
  const unsubscribe = useRostrum.subscribe((now, before) => {
    if (inputsMoved(now.snapshot, before.snapshot)) recompute();
  });
  const timer = setInterval(recompute, TICK_MS);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
