import { useEffect, useState } from 'react';
import type { View } from '../../shared/contract/http';
import { watchCues } from './cue-watcher';
import { playCue } from './play-cue';
import { loadCues } from './player';
import { initSound, useSound } from './sound-setting';

/**
 * Plays this display's clock cues — warning, danger, overtime, and the gentle start and end —
 * while the calling view is mounted, if the display's sound is on (its `SoundToggle`). Each
 * transition plays once, in one window of the browser: never again on a reload or reconnect.
 */
export function useCues(view: View): void {
  useState(() => initSound(view));
  useEffect(() => {
    // Sound remembered as on: load the cues now (a browser that blocks audio shows it on the toggle).
    if (useSound.getState().enabled) loadCues();
    return watchCues((cue, key) => void playCue(cue, { once: key }));
  }, []);
}
