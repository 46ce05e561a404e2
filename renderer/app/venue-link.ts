import { create } from 'zustand';
import type { VenueLinkState } from '../../shared/contract/relay';

/**
 * On a relay (docs/remote.md), whether the venue's link is up; null at the venue, which never
 * says. Apart from the display's own link (`useRostrum().link`): a view can reach the relay while
 * the relay has lost the venue, and then counts on from the last state it had.
 */
export const useVenueLink = create<{ state: VenueLinkState | null }>(() => ({ state: null }));

export function setVenueLink(state: VenueLinkState): void {
  if (state !== 'linked' && state !== 'lost') return;
  if (useVenueLink.getState().state !== state) useVenueLink.setState({ state });
}
