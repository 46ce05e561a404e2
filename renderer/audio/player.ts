import { Howl, Howler } from 'howler';
import { CUE_URLS } from './cue-sources';
import { CUES, type Cue } from './cues';
import './page-globals';

const PLAYED_KEPT = 100;

let howls: Map<Cue, Howl> | null = null;
let loadFailed = false;
let watchedContext: AudioContext | null = null;
const listeners = new Set<() => void>();

const notify = () => {
  for (const listener of listeners) listener();
};

function recordPlayed(cue: Cue): void {
  const played = (window.__rostrumCuesPlayed ??= []);
  played.push({ cue, at: Date.now() });
  if (played.length > PLAYED_KEPT) played.splice(0, played.length - PLAYED_KEPT);
}

/** Follows the audio context's state: a browser that blocks audio keeps it suspended until a click. */
function watchContext(): void {
  const ctx = Howler.ctx as AudioContext | null | undefined;
  if (!ctx || ctx === watchedContext) return;
  watchedContext?.removeEventListener('statechange', notify);
  ctx.addEventListener('statechange', notify);
  watchedContext = ctx;
  notify();
}

/**
 * Creates the audio context and loads every cue, once. Call it when sound is switched on —
 * ideally inside the click that does it, so that the browser lets the context run at once.
 */
export function loadCues(): void {
  if (howls) {
    watchContext();
    return;
  }
  // Howler suspends an idle context after 30 s; resuming it later without a fresh click may be
  // refused, and a cue is only ever wanted when nobody is clicking. Keep it running.
  Howler.autoSuspend = false;
  howls = new Map(
    CUES.map((cue) => [
      cue,
      new Howl({
        src: [CUE_URLS[cue]],
        format: ['wav'],
        preload: true,
        onplay: () => recordPlayed(cue),
        onloaderror: () => {
          loadFailed = true;
          notify();
        },
      }),
    ]),
  );
  watchContext();
}

export interface AudioStatus {
  /** Sound is wanted but the browser holds it until the user clicks or presses a key. */
  blocked: boolean;
  /** This device cannot play the cues (no audio output, or they failed to load). */
  unavailable: boolean;
}

export function audioStatus(): AudioStatus {
  if (howls === null) return { blocked: false, unavailable: false };
  const ctx = Howler.ctx as AudioContext | null | undefined;
  return {
    blocked: Howler.usingWebAudio && !!ctx && ctx.state !== 'running' && ctx.state !== 'closed',
    unavailable: Howler.noAudio || loadFailed,
  };
}

/** Calls `listener` whenever `audioStatus()` may have changed. */
export function onAudioStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Lets audio run; call from a click or key handler (a user gesture). */
export function unlockAudio(): void {
  loadCues();
  const ctx = Howler.ctx as AudioContext | null | undefined;
  ctx?.resume().then(notify, notify);
}

/** Plays a cue now, on this page. Callers check the display's setting and claims first (play-cue.ts). */
export function playNow(cue: Cue): void {
  loadCues();
  howls?.get(cue)?.play();
}
