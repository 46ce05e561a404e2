import type { CommandOf } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import { auxElapsedMs, type AuxTimer, type AuxTimerId } from '../../shared/timing/timing-state';
import type { Instant } from '../../shared/time/instant';

/** The two extra timers: anchored like the main clock (elapsed = accumulated + time since runningSince). */

function withTimer(state: RostrumState, timerId: AuxTimerId, update: (t: AuxTimer) => AuxTimer): RostrumState {
  const key = `${timerId}` as const;
  const before = state.aux[key];
  const after = update(before);
  return after === before ? state : { ...state, aux: { ...state.aux, [key]: after } };
}

/** Sets length, direction, label and views; a running timer keeps running on its elapsed time. */
export function auxSet(state: RostrumState, cmd: CommandOf<'aux.set'>): RostrumState {
  return withTimer(state, cmd.timerId, (t) => ({
    ...t,
    durationMs: cmd.durationSec * 1000,
    direction: cmd.direction,
    label: cmd.label ?? t.label,
    views: cmd.views ? [...new Set(cmd.views)] : t.views,
  }));
}

export function auxStart(state: RostrumState, cmd: CommandOf<'aux.start'>, now: Instant): RostrumState {
  return withTimer(state, cmd.timerId, (t) => (t.status === 'running' ? t : { ...t, status: 'running', runningSince: now }));
}

export function auxPause(state: RostrumState, cmd: CommandOf<'aux.pause'>, now: Instant): RostrumState {
  return withTimer(state, cmd.timerId, (t) =>
    t.status !== 'running' ? t : { ...t, status: 'paused', runningSince: null, accumulatedMs: auxElapsedMs(t, now) },
  );
}

export function auxReset(state: RostrumState, cmd: CommandOf<'aux.reset'>): RostrumState {
  return withTimer(state, cmd.timerId, (t) =>
    t.status === 'idle' && t.accumulatedMs === 0 ? t : { ...t, status: 'idle', runningSince: null, accumulatedMs: 0 },
  );
}
