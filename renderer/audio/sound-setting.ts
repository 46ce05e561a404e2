import { create } from 'zustand';
import type { View } from '../../shared/contract/http';
import { audioStatus, loadCues, onAudioStatus } from './player';

/** On in the console (the person running the clock wants the cues), off on monitors and in the booth. */
export const SOUND_ON_BY_DEFAULT: Record<View, boolean> = { moderator: true, speaker: false, booth: false };

/** What the mute toggle shows. */
export type SoundState = 'off' | 'on' | 'blocked' | 'unavailable';

interface SoundStore {
  view: View | null;
  /** This display's choice (remembered per display), or its view's default. */
  enabled: boolean;
  blocked: boolean;
  unavailable: boolean;
}

export const useSound = create<SoundStore>(() => ({ view: null, enabled: false, blocked: false, unavailable: false }));

export const soundStateOf = (s: SoundStore): SoundState =>
  !s.enabled ? 'off' : s.unavailable ? 'unavailable' : s.blocked ? 'blocked' : 'on';

const storageKey = (view: View) => `rostrum.sound.${view}`;

onAudioStatus(() => {
  const { blocked, unavailable } = audioStatus();
  const s = useSound.getState();
  if (s.blocked !== blocked || s.unavailable !== unavailable) useSound.setState({ blocked, unavailable });
});

/** Reads this display's choice, once; later calls (for the same view) change nothing. */
export function initSound(view: View): void {
  if (useSound.getState().view === view) return;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey(view));
  } catch {
    // storage unavailable: the view's default, not remembered
  }
  useSound.setState({ view, enabled: stored === null ? SOUND_ON_BY_DEFAULT[view] : stored === 'on' });
}

/** Switches sound on or off on this display, and remembers it. Call from the click that does it. */
export function setSoundEnabled(enabled: boolean): void {
  const { view } = useSound.getState();
  // Inside the click: the browser lets an audio context created or resumed now run.
  if (enabled) loadCues();
  useSound.setState({ enabled, ...audioStatus() });
  if (view === null) return;
  try {
    localStorage.setItem(storageKey(view), enabled ? 'on' : 'off');
  } catch {
    // see initSound
  }
}
