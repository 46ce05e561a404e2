import { findItem } from '../../shared/agenda/agenda-queries';
import type { Agenda, Item } from '../../shared/agenda/agenda-schema';
import { recordOf } from '../../shared/report/report-types';
import { timedItemOf } from '../../shared/timing/ends-at';
import { serverNow } from '../app/server-clock';
import { useRostrum } from '../app/store';
import { cueFor, observeClock, type CueObservation } from './cue-rules';
import type { Cue } from './cues';
import { everyTick } from './ticker';

/**
 * Watches the clock as this display shows it — computed locally, so it keeps cueing while offline —
 * and calls `play` on every transition that calls for a cue (cue-rules.ts). Looks four times a
 * second, and at once when the state changes (a moderator's adjustment cues without delay).
 * Returns a function that stops watching.
 */
export function watchCues(play: (cue: Cue, key: string) => void): () => void {
  let previous: CueObservation | null = null;
  let lookup: { agenda: Agenda; itemId: string | null; item: Item | undefined } | null = null;

  const itemOf = (agenda: Agenda, itemId: string | null): Item | undefined => {
    if (lookup?.agenda !== agenda || lookup.itemId !== itemId) {
      lookup = { agenda, itemId, item: findItem(agenda, itemId)?.item };
    }
    return lookup.item;
  };

  const look = () => {
    const snapshot = useRostrum.getState().snapshot;
    if (snapshot === null) return;
    const { clock, agenda, report } = snapshot;
    const now = serverNow();
    const startedAt = clock.currentItemId === null ? null : (recordOf(report, clock.currentItemId)?.actualStart ?? null);
    const item = itemOf(agenda, clock.currentItemId);
    // An end-by item reaches its phases by the wall clock (shared/timing/ends-at.ts).
    const observation = observeClock(clock, item && timedItemOf(agenda, report, item), startedAt, now);
    const decision = cueFor(previous, observation, now);
    previous = observation;
    if (decision) play(decision.cue, decision.key);
  };

  const unsubscribe = useRostrum.subscribe((s, before) => {
    if (s.snapshot !== before.snapshot) look();
  });
  const stopTicks = everyTick(look);
  look();
  return () => {
    unsubscribe();
    stopTicks();
  };
}
