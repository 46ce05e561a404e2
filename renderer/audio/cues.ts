import type { Phase } from '../../shared/clock/clock-state';

/**
 * The cues, one sound each (scripts/generate-sounds.mjs): `warning` one beep, `danger` two,
 * `overtime` three, rising in pitch; `start` and `end` soft chimes (rising, falling); `handover`
 * one soft low chime for the booth.
 */
export const CUES = ['start', 'warning', 'danger', 'overtime', 'end', 'handover'] as const;
export type Cue = (typeof CUES)[number];

/** The cue that announces entering a phase; `normal` has none. */
export const PHASE_CUE: Record<Phase, Cue | null> = {
  normal: null,
  warning: 'warning',
  danger: 'danger',
  overtime: 'overtime',
};
