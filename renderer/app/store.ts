import { create } from 'zustand';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import { projectSchedule } from '../../shared/schedule/projection';
import type { Instant } from '../../shared/time/instant';
import type { LinkStatus } from './link-status';

export interface RostrumStore {
  /** The server's state as last received; null until the first snapshot. */
  snapshot: Snapshot | null;
  link: LinkStatus;
}

/** The one store of a display. Written only by the connection; read by views through selectors. */
export const useRostrum = create<RostrumStore>(() => ({ snapshot: null, link: 'connecting' }));

export function receiveSnapshot(snapshot: Snapshot): void {
  useRostrum.setState({ snapshot });
}

export type PatchOutcome = 'applied' | 'stale' | 'gap';

/**
 * Applies a patch if it is the next revision. An old or repeated patch is ignored; a gap (a patch
 * lost, or none before the first snapshot) leaves the state as it is and asks for a snapshot.
 */
export function receivePatch(patch: StatePatch): PatchOutcome {
  const current = useRostrum.getState().snapshot;
  if (current === null) return 'gap';
  if (patch.revision <= current.revision) return 'stale';
  if (patch.revision !== current.revision + 1) return 'gap';
  useRostrum.setState({ snapshot: mergePatch(current, patch) });
  return 'applied';
}

/** A new snapshot object sharing every part the patch did not replace. */
export function mergePatch(current: Snapshot, patch: StatePatch): Snapshot {
  const agenda = patch.agenda ?? current.agenda;
  const clock = patch.clock ?? current.clock;
  const report = patch.report ?? current.report;
  const projectionChanged = patch.agenda !== undefined || patch.clock !== undefined || patch.report !== undefined;
  return {
    revision: patch.revision,
    serverTime: patch.serverTime,
    agenda,
    clock,
    report,
    messages: patch.messages ?? current.messages,
    // Patches carry no schedule: re-project it from the parts that changed, as of the patch.
    schedule: projectionChanged
      ? projectSchedule({ agenda, clock, report }, patch.serverTime as Instant)
      : current.schedule,
  };
}

export function setLink(link: LinkStatus): void {
  if (useRostrum.getState().link !== link) useRostrum.setState({ link });
}
