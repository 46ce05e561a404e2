import { useEffect, useRef } from 'react';
import { playCue } from '../../audio';
// Not in the audio index: the booth wants the handover cue alone, without the clock cues that
// `useCues` also plays (a booth's microphone is live), so it does `useCues`'s start-up part itself.
import { loadCues } from '../../audio/player';
import { initSound, useSound } from '../../audio/sound-setting';
import type { TurnState } from './handover';

/**
 * The optional soft cue when the handover warning starts (sound is off in the booth unless the
 * booth switches it on). Once per turn, in one window of this browser, never again on a reload.
 */
export function useHandoverCue(booth: string, state: TurnState, startedAt: number | null, turnSec: number): void {
  useEffect(() => {
    initSound('booth');
    // Sound remembered as on: load now, so a browser that blocks audio says so on the toggle.
    if (useSound.getState().enabled) loadCues();
  }, []);

  const previous = useRef(state);
  useEffect(() => {
    if (state === 'warning' && previous.current === 'running' && startedAt !== null) {
      void playCue('handover', { once: `handover|${booth}|${startedAt}|${turnSec}` });
    }
    previous.current = state;
  }, [state, booth, startedAt, turnSec]);
}
