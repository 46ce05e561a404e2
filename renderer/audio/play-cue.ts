import { createClaims } from './cue-claims';
import type { Cue } from './cues';
import { audioStatus, playNow } from './player';
import { useSound } from './sound-setting';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const claim = createClaims({
  storage: localStorageOrNull(),
  // Secure contexts only: absent on a LAN address over plain http, where the fallback applies.
  locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null,
  owner: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
  now: () => Date.now(),
});

export interface PlayCueOptions {
  /**
   * Names the event the cue announces, e.g. `handover|${booth}|${turnStartedAt}`. Of all the windows
   * of this browser that play a cue with the same key, one plays it, once, even across reloads.
   * Without it the cue plays in this window every time it is asked for.
   */
  once?: string;
}

/**
 * Plays a cue on this display if its sound is on and the browser lets it play now. A cue the
 * browser blocks is dropped, not queued: a late cue would announce the wrong moment. Resolves
 * true when the cue was played.
 */
export async function playCue(cue: Cue, options: PlayCueOptions = {}): Promise<boolean> {
  if (!useSound.getState().enabled) return false;
  const { blocked, unavailable } = audioStatus();
  if (blocked || unavailable) return false;
  if (options.once !== undefined && !(await claim(options.once))) return false;
  playNow(cue);
  return true;
}
