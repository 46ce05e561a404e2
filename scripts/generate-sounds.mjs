// Generates Rostrum's audio cues as small WAV files under assets/sounds/: plain Node, no
// dependencies, nothing downloaded. Deterministic — the same script always writes the same bytes —
// and a file is rewritten only when its bytes would change, so repeated and parallel builds leave
// it alone. The web build runs it (vite.config.ts); `node scripts/generate-sounds.mjs` runs it by hand.
//
// A technician who is looking elsewhere must know which cue it was: the phase cues differ in count
// (1, 2, 3 beeps) and rise in pitch; start and end are soft two-note chimes, rising and falling;
// the booth's handover is one soft low chime.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 22050;
export const SOUNDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sounds');

/** Loudest sample, as a fraction of full scale: headroom, and no clipping on any partial mix. */
const PEAK = 0.89;

const NOTE = { C5: 523.25, D5: 587.33, E5: 659.26, A5: 880, B5: 987.77, D6: 1174.66 };

/**
 * Each cue is a list of tones. `beep`: a steady tone with short ramps (an alert); `chime`: a struck
 * tone that dies away (gentle). Gains are relative to the loudest cue, so soft cues stay soft.
 * Harmonics make the tones carry on small laptop and monitor speakers, where a pure sine is weak.
 */
export const CUE_SPECS = {
  start: {
    gain: 0.45,
    tones: [
      { shape: 'chime', freq: NOTE.E5, at: 0, dur: 0.5 },
      { shape: 'chime', freq: NOTE.A5, at: 0.16, dur: 0.6 },
    ],
  },
  warning: { gain: 0.8, tones: [{ shape: 'beep', freq: NOTE.A5, at: 0, dur: 0.45 }] },
  danger: {
    gain: 0.9,
    tones: [
      { shape: 'beep', freq: NOTE.B5, at: 0, dur: 0.2 },
      { shape: 'beep', freq: NOTE.B5, at: 0.32, dur: 0.2 },
    ],
  },
  overtime: {
    gain: 1,
    tones: [
      { shape: 'beep', freq: NOTE.D6, at: 0, dur: 0.15 },
      { shape: 'beep', freq: NOTE.D6, at: 0.24, dur: 0.15 },
      { shape: 'beep', freq: NOTE.D6, at: 0.48, dur: 0.15 },
    ],
  },
  end: {
    gain: 0.45,
    tones: [
      { shape: 'chime', freq: NOTE.A5, at: 0, dur: 0.5 },
      { shape: 'chime', freq: NOTE.D5, at: 0.16, dur: 0.7 },
    ],
  },
  handover: { gain: 0.35, tones: [{ shape: 'chime', freq: NOTE.C5, at: 0, dur: 0.9 }] },
};

export const CUE_NAMES = Object.keys(CUE_SPECS);

/** Partials as [multiple of the fundamental, relative amplitude]. */
const PARTIALS = {
  beep: [
    [1, 1],
    [2, 0.3],
    [3, 0.12],
  ],
  // Slightly inharmonic upper partials sound like a small bell rather than an organ.
  chime: [
    [1, 1],
    [2.01, 0.35],
    [3.02, 0.12],
  ],
};

const ATTACK_S = { beep: 0.008, chime: 0.004 };
const RELEASE_S = 0.03;
/** Trailing silence, so the last tone's tail is never cut by the end of the buffer. */
const TAIL_S = 0.05;

function envelope(shape, t, dur) {
  const attack = Math.min(1, t / ATTACK_S[shape]);
  const release = Math.min(1, Math.max(0, (dur - t) / RELEASE_S));
  // A chime decays exponentially to about 2% by its end: struck, not held.
  const body = shape === 'chime' ? Math.exp((-4 * t) / dur) : 1;
  return attack * release * body;
}

/** The cue's samples, in [-1, 1], peaking at PEAK × the cue's gain. */
export function renderCue(spec, sampleRate = SAMPLE_RATE) {
  const end = Math.max(...spec.tones.map((t) => t.at + t.dur)) + TAIL_S;
  const out = new Float64Array(Math.ceil(end * sampleRate));
  for (const tone of spec.tones) {
    const first = Math.round(tone.at * sampleRate);
    const count = Math.round(tone.dur * sampleRate);
    for (let i = 0; i < count && first + i < out.length; i++) {
      const t = i / sampleRate;
      let v = 0;
      for (const [mult, amp] of PARTIALS[tone.shape]) v += amp * Math.sin(2 * Math.PI * tone.freq * mult * t);
      out[first + i] += v * envelope(tone.shape, t, tone.dur);
    }
  }
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? (PEAK * spec.gain) / max : 0;
  return out.map((v) => v * scale);
}

/** A 16-bit PCM mono WAV file of the samples. */
export function encodeWav(samples, sampleRate = SAMPLE_RATE) {
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    buf.writeInt16LE(Math.round(s * 32767), 44 + i * 2);
  }
  return buf;
}

function sameBytes(file, bytes) {
  try {
    return fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * Writes `<name>.wav` for every cue into `outDir`. Returns which files were written and which were
 * already up to date. Writes go through a temporary file and a rename, so a build running in
 * parallel never reads half a file.
 */
export function generateSounds(outDir = SOUNDS_DIR) {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const unchanged = [];
  for (const [name, spec] of Object.entries(CUE_SPECS)) {
    const file = path.join(outDir, `${name}.wav`);
    const bytes = encodeWav(renderCue(spec));
    if (sameBytes(file, bytes)) {
      unchanged.push(file);
      continue;
    }
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    written.push(file);
  }
  return { written, unchanged };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { written, unchanged } = generateSounds();
  const rel = (f) => path.relative(process.cwd(), f);
  for (const f of written) console.log(`wrote ${rel(f)} (${fs.statSync(f).size} bytes)`);
  if (unchanged.length > 0) console.log(`${unchanged.length} sound(s) already up to date`);
}
