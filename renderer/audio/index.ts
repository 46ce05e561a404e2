/**
 * Audio cues, for every view.
 *
 * In a view: call `useCues(view)` once and render `<SoundToggle view={view} />`; the clock's cues
 * (start, warning, danger, overtime, end) then play on this display when its sound is on.
 *
 * For the booth's interpreter turns, play the soft handover cue yourself:
 *
 *   import { playCue } from '../../audio';
 *   // once per turn change, in one booth window of this browser only, never again on reload:
 *   void playCue('handover', { once: `handover|${booth}|${turn.startedAt}` });
 *
 * `playCue` respects the display's sound toggle (the booth's default is off) and resolves true when
 * the cue played. A browser that blocks audio drops the cue (the toggle then says "click to enable
 * sound"): a late handover chime would announce the wrong moment.
 */
export { CUES, type Cue } from './cues';
export { playCue, type PlayCueOptions } from './play-cue';
export { SoundToggle } from './SoundToggle';
export { useCues } from './use-cues';
