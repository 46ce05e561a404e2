import { create } from 'zustand';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import { applyPatch, type PatchResult } from '../../shared/contract/state-sync';
import type { LinkStatus } from '../../shared/contract/link-status';

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

export type PatchOutcome = PatchResult['kind'];

/**
 * Applies a patch if it is the next revision (shared/contract/state-sync.ts). An old or repeated
 * patch is ignored; a gap (a patch lost, or one before the first snapshot) leaves the state as it
 * is, and the caller asks for a snapshot.
 */
export function receivePatch(patch: StatePatch): PatchOutcome {
  const result = applyPatch(useRostrum.getState().snapshot, patch);
  if (result.kind === 'applied') useRostrum.setState({ snapshot: result.snapshot });
  return result.kind;
}

export function setLink(link: LinkStatus): void {
  if (useRostrum.getState().link !== link) useRostrum.setState({ link });
}
