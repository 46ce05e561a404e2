import type { Agenda } from '../../shared/agenda/agenda-schema';
import { firstPlayable } from '../../shared/agenda/agenda-queries';
import { IDLE_CLOCK } from '../../shared/clock/clock-state';
import { DEFAULT_DISPLAY, type RostrumState } from '../../shared/contract/state';
import { EMPTY_TIMING, initialAux } from '../../shared/timing/timing-state';

/** A fresh event: the first playable item loaded, ready, nothing run yet. */
export function initialState(agenda: Agenda, revision = 0): RostrumState {
  return {
    revision,
    agenda,
    clock: { ...IDLE_CLOCK, currentItemId: firstPlayable(agenda)?.item.id ?? null },
    messages: { speaker: null, booth: null },
    report: {},
    display: DEFAULT_DISPLAY,
    booth: { requests: [], turns: {}, mayEditNotes: false },
    recovery: null,
    timing: EMPTY_TIMING,
    aux: initialAux(),
  };
}
