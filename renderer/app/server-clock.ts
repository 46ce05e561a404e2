/**
 * Estimates the server clock from `time:ping` round trips (NTP-style, one sample per ping).
 * The local clock is `performance.timeOrigin + performance.now()`: monotonic, so adjusting the
 * computer's clock mid-session cannot jump the displays. The offset comes from the sample with
 * the smallest round trip among the last few, which is the one least distorted by queuing.
 */

const WINDOW = 8;

interface Sample {
  rttMs: number;
  offsetMs: number;
}

const samples: Sample[] = [];
let offsetMs = 0;
let seeded = false;

export const localNow = (): number => performance.timeOrigin + performance.now();

/** The estimated server time now, epoch ms. Never waits for the network. */
export const serverNow = (): number => localNow() + offsetMs;

export const clockOffsetMs = (): number => offsetMs;

/** A first, rough estimate from a snapshot's `serverTime`, until a ping has answered. */
export function seedServerClock(serverTime: number): void {
  if (seeded) return;
  offsetMs = serverTime - localNow();
}

/** Adds one ping's answer. `receivedAt` is the local time the answer arrived. */
export function addClockSample(clientSentAt: number, serverTime: number, receivedAt: number): void {
  const rttMs = receivedAt - clientSentAt;
  if (!(rttMs >= 0) || !Number.isFinite(serverTime)) return;
  samples.push({ rttMs, offsetMs: serverTime + rttMs / 2 - receivedAt });
  if (samples.length > WINDOW) samples.shift();
  let best = samples[0]!;
  for (const s of samples) if (s.rttMs < best.rttMs) best = s;
  offsetMs = best.offsetMs;
  seeded = true;
}
