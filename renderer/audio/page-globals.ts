import type { Cue } from './cues';

declare global {
  interface Window {
    /**
     * Every cue this page actually played, from howler's `play` events (the cue reached the audio
     * output, not merely asked for): what the end-to-end tests observe. The last 100 are kept.
     */
    __rostrumCuesPlayed?: { cue: Cue; at: number }[];
  }
}
