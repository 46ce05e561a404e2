/** Drift under this reads as "on time" (as on the console's drift banner): nobody is told about seconds. */
export const ON_TIME_MS = 30_000;

export type DriftKind = 'late' | 'early' | 'on-time';

/** A drift (projected − planned, ms) as what a crew member or the audience reads: late/early by whole minutes. */
export function driftOf(ms: number): { kind: DriftKind; minutes: number } {
  const kind: DriftKind = ms >= ON_TIME_MS ? 'late' : ms <= -ON_TIME_MS ? 'early' : 'on-time';
  return { kind, minutes: kind === 'on-time' ? 0 : Math.max(1, Math.round(Math.abs(ms) / 60_000)) };
}
