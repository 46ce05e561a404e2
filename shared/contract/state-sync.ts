import type { Snapshot, StatePatch } from './state';

export type PatchResult =
  | { kind: 'applied'; snapshot: Snapshot }
  /** A revision was missed: ask for a snapshot (`state:request`). */
  | { kind: 'gap' }
  /** Already seen (e.g. a patch that raced a fresh snapshot): ignore. */
  | { kind: 'stale' };

/**
 * How a client folds a `state:patch` into the snapshot it holds. Each accepted change bumps the
 * revision by one, so anything but `revision + 1` means a patch was missed.
 * The projection is left as it was: clients re-project locally with their own estimate of now.
 */
export function applyPatch(local: Snapshot | null, patch: StatePatch): PatchResult {
  if (local === null) return { kind: 'gap' };
  if (patch.revision <= local.revision) return { kind: 'stale' };
  if (patch.revision !== local.revision + 1) return { kind: 'gap' };
  return {
    kind: 'applied',
    snapshot: {
      ...local,
      revision: patch.revision,
      serverTime: patch.serverTime,
      agenda: patch.agenda ?? local.agenda,
      clock: patch.clock ?? local.clock,
      messages: patch.messages ?? local.messages,
      report: patch.report ?? local.report,
    },
  };
}
