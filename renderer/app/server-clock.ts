/**
 * Estimates the server clock from `time:ping` round trips (NTP-style, one sample per ping).
 * The local clock is `performance.timeOrigin + performance.now()`: monotonic, so adjusting the
 * computer's clock mid-session cannot jump the displays. The offset comes from the sample with
 * the smallest round trip among the last few, which is the one least distorted by queuing.
 */

import { instant, type Instant } from '../../shared/time/instant';
import { OffsetEstimate } from '../../shared/time/offset-estimate';

const estimate = new OffsetEstimate(8);
let offsetMs = 0;
let seeded = false;

export const localNow = (): number => performance.timeOrigin + performance.now();

/** The estimated server time now, epoch ms. Never waits for the network. */
export const serverNow = (): Instant => instant(localNow() + offsetMs);

export const clockOffsetMs = (): number => offsetMs;

/** A first, rough estimate from a snapshot's `serverTime`, until a ping has answered. */
export function seedServerClock(serverTime: number): void {
  if (seeded) return;
  offsetMs = serverTime - localNow();
}

/** Adds one ping's answer. `receivedAt` is the local time the answer arrived. */
export function addClockSample(clientSentAt: number, serverTime: number, receivedAt: number): void {
  estimate.add(clientSentAt, serverTime, receivedAt);
  const best = estimate.offsetMs();
  if (best === null) return;
  offsetMs = best;
  seeded = true;
}
