// Types for generate-sounds.mjs (plain JS so the build can run it before anything is compiled).

export interface ToneSpec {
  shape: 'beep' | 'chime';
  freq: number;
  /** Start, seconds from the beginning of the cue. */
  at: number;
  dur: number;
}

export interface CueSpec {
  gain: number;
  tones: ToneSpec[];
}

export const SAMPLE_RATE: number;
export const SOUNDS_DIR: string;
export const CUE_SPECS: Record<'start' | 'warning' | 'danger' | 'overtime' | 'end' | 'handover', CueSpec>;
export const CUE_NAMES: string[];
export function renderCue(spec: CueSpec, sampleRate?: number): Float64Array;
export function encodeWav(samples: ArrayLike<number>, sampleRate?: number): Buffer;
export function generateSounds(outDir?: string): { written: string[]; unchanged: string[] };
