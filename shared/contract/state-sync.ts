import { projectSchedule } from '../schedule/projection';
import { STATE_PARTS, type Snapshot, type StatePatch } from './state';

export type PatchResult =
  | { kind: 'applied'; snapshot: Snapshot }
  /** A revision was missed: ask for a snapshot (`state:request`). */
  | { kind: 'gap' }
  /** Already seen (e.g. a patch that raced a fresh snapshot): ignore. */
  | { kind: 'stale' };

/**
 * How a client folds a `state:patch` into the snapshot it holds. Each accepted change bumps the
 * revision by one, so anything but `revision + 1` means a patch was missed. Parts the patch does not
 * carry are shared with the previous snapshot; the schedule is re-projected as of the patch when
 * anything it depends on changed.
 */
export function applyPatch(local: Snapshot | null, patch: StatePatch): PatchResult {
  if (local === null) return { kind: 'gap' };
  if (patch.revision <= local.revision) return { kind: 'stale' };
  if (patch.revision !== local.revision + 1) return { kind: 'gap' };
  const next: Snapshot = { ...local, revision: patch.revision, serverTime: patch.serverTime };
  for (const part of STATE_PARTS) {
    if (patch[part] !== undefined) Object.assign(next, { [part]: patch[part] });
  }
  if (patch.agenda !== undefined || patch.clock !== undefined || patch.report !== undefined) {
    next.schedule = projectSchedule(next, patch.serverTime);
  }
  return { kind: 'applied', snapshot: next };
}
