import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Each test gets the module fresh: its estimate is module state, as on a page. */
const load = () => import('../../../renderer/app/server-clock');

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['performance'] });
});
afterEach(() => vi.useRealTimers());

describe('server clock estimate', () => {
  it('takes a snapshot’s server time as a first estimate, and keeps counting from it on the local clock', async () => {
    const clock = await load();
    clock.seedServerClock(1_800_000_000_000);
    expect(clock.serverNow()).toBe(1_800_000_000_000);
    vi.advanceTimersByTime(2_500);
    expect(clock.serverNow()).toBe(1_800_000_002_500);
  });

  it('from the first ping on, uses the round trip (server time minus the midpoint) and no longer the snapshots', async () => {
    const clock = await load();
    const sent = clock.localNow();
    vi.advanceTimersByTime(100);
    // The server read its clock halfway: 50 ms after the send, its time was sent + 3.7 s + 50 ms.
    clock.addClockSample(sent, sent + 3_700 + 50, clock.localNow());
    expect(clock.clockOffsetMs()).toBeCloseTo(3_700, 6);
    clock.seedServerClock(0);
    expect(clock.serverNow()).toBeCloseTo(clock.localNow() + 3_700, 6);
  });

  it('trusts the fastest recent round trip over a slow one that queued on the way back', async () => {
    const clock = await load();
    let t = clock.localNow();
    clock.addClockSample(t, t + 1_000 + 10, t + 20); // 20 ms round trip: offset 1,000
    vi.advanceTimersByTime(1_000);
    t = clock.localNow();
    vi.advanceTimersByTime(400);
    clock.addClockSample(t, t + 1_000 + 10, clock.localNow()); // answered fast, delivered 390 ms late
    expect(clock.clockOffsetMs()).toBeCloseTo(1_000, 6);
  });
});
