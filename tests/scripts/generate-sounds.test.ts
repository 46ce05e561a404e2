import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CUES } from '../../renderer/audio/cues';
import { CUE_NAMES, CUE_SPECS, SAMPLE_RATE, encodeWav, generateSounds, renderCue } from '../../scripts/generate-sounds.mjs';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Tone onsets: where the signal rises out of silence (a gap of 40 ms or more between tones). */
function onsets(samples: Float64Array): number {
  const gap = Math.round(0.04 * SAMPLE_RATE);
  let count = 0;
  let quiet = gap;
  for (const s of samples) {
    if (Math.abs(s) > 0.02) {
      if (quiet >= gap) count++;
      quiet = 0;
    } else quiet++;
  }
  return count;
}

describe('generate-sounds', () => {
  it('makes one sound per cue the app plays', () => {
    expect([...CUE_NAMES].sort()).toEqual([...CUES].sort());
  });

  it('tells the phase cues apart by count: one beep, two, three', () => {
    expect(onsets(renderCue(CUE_SPECS.warning))).toBe(1);
    expect(onsets(renderCue(CUE_SPECS.danger))).toBe(2);
    expect(onsets(renderCue(CUE_SPECS.overtime))).toBe(3);
  });

  it('keeps every cue short, unclipped, and the gentle ones quieter than the alerts', () => {
    const peak = (name: keyof typeof CUE_SPECS) => Math.max(...renderCue(CUE_SPECS[name]).map(Math.abs));
    for (const name of CUE_NAMES as (keyof typeof CUE_SPECS)[]) {
      const samples = renderCue(CUE_SPECS[name]);
      expect(samples.length / SAMPLE_RATE).toBeLessThan(1.2);
      expect(peak(name)).toBeLessThan(1);
    }
    for (const gentle of ['start', 'end', 'handover'] as const) expect(peak(gentle)).toBeLessThan(peak('warning'));
  });

  it('writes valid 16-bit mono WAV files, and rewrites nothing on a second run', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rostrum-sounds-'));
    const first = generateSounds(dir);
    expect(first.written).toHaveLength(CUE_NAMES.length);
    const wav = fs.readFileSync(path.join(dir, 'danger.wav'));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(SAMPLE_RATE);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    const mtime = fs.statSync(path.join(dir, 'danger.wav')).mtimeMs;
    const second = generateSounds(dir);
    expect(second).toEqual({ written: [], unchanged: first.written });
    expect(fs.statSync(path.join(dir, 'danger.wav')).mtimeMs).toBe(mtime);
    expect(encodeWav(renderCue(CUE_SPECS.danger)).equals(wav)).toBe(true);
  });
});
