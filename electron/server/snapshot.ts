import { clockView } from '../../shared/clock/clock-view';
import { STATE_PARTS, type RostrumState, type Snapshot, type StatePatch } from '../../shared/contract/state';
import { projectSchedule } from '../../shared/schedule/projection';
import type { Role } from '../../shared/contract/roles';
import type { Instant } from '../../shared/time/instant';

export function makeSnapshot(state: RostrumState, now: Instant, startupWarning: string | null = null): Snapshot {
  return {
    revision: state.revision,
    serverTime: now,
    agenda: state.agenda,
    clock: clockView(state.clock, state.agenda, now),
    messages: state.messages,
    report: state.report,
    display: state.display,
    booth: state.booth,
    recovery: state.recovery,
    schedule: projectSchedule(state, now),
    ...(startupWarning === null ? {} : { startupWarning }),
  };
}

/**
 * The start-up warning names files in the data dir: only the moderator console (control) needs it,
 * so every other reader gets none, and learns no path.
 */
export const startupWarningFor = (core: { startupWarning: string | null }, role: Role | null): string | null =>
  role === 'control' ? core.startupWarning : null;

/**
 * Only what changed goes out: the engine replaces exactly the parts it changes, so a reference
 * comparison finds them. The clock view depends on the agenda (the item's duration), so it goes
 * with agenda changes too.
 */
export function makePatch(prev: RostrumState, next: RostrumState, now: Instant): StatePatch {
  const patch: StatePatch = { revision: next.revision, serverTime: now };
  for (const part of STATE_PARTS) {
    if (part === 'clock') continue;
    if (prev[part] !== next[part]) Object.assign(patch, { [part]: next[part] });
  }
  if (prev.clock !== next.clock || prev.agenda !== next.agenda) patch.clock = clockView(next.clock, next.agenda, now);
  return patch;
}
