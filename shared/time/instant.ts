/**
 * Time is a value, never a global: every function that needs "now" takes it as an argument.
 * Branded types keep an instant (a point on the epoch timeline) from being passed where a
 * duration belongs, and the other way round.
 */
declare const instantBrand: unique symbol;
declare const durationBrand: unique symbol;

/** Milliseconds since the Unix epoch. */
export type Instant = number & { readonly [instantBrand]: true };
/** A length of time in milliseconds; may be negative (overtime, early). */
export type DurationMs = number & { readonly [durationBrand]: true };

export const instant = (epochMs: number): Instant => epochMs as Instant;
export const durationMs = (ms: number): DurationMs => ms as DurationMs;
export const seconds = (s: number): DurationMs => (s * 1000) as DurationMs;

export const timeUntil = (now: Instant, until: Instant): DurationMs => (until - now) as DurationMs;
export const timeSince = (since: Instant, now: Instant): DurationMs => (now - since) as DurationMs;
export const addDuration = (at: Instant, d: DurationMs): Instant => (at + d) as Instant;
export const maxInstant = (a: Instant, b: Instant): Instant => (a > b ? a : b);

/** A clock injected into everything that needs the current time. */
export interface Clock {
  now(): Instant;
}
