import { describe, expect, it } from 'vitest';
import { allottedMs, elapsedMs, remainingMs } from '../../../shared/clock/clock-math';
import type { ClockState } from '../../../shared/clock/clock-state';
import type { ItemRecord } from '../../../shared/report/report-types';
import { durationMs, instant, type DurationMs, type Instant } from '../../../shared/time/instant';
import { T0, makeClock, ran, runningClock } from '../../builders';

/**
 * The clock's lengths of time are `DurationMs`, its points in time `Instant`: the compiler refuses
 * one where the other belongs (each `@ts-expect-error` below fails the typecheck if it compiles).
 */
describe('durations and instants do not mix', () => {
  it('the clock takes a duration for its elapsed and added time, an instant for when it started', () => {
    const now: Instant = instant(T0 + 5_000);
    const clock: ClockState = makeClock({ status: 'running', runningSince: T0 });
    // @ts-expect-error an instant is not the time accumulated
    const wrong: ClockState = { ...clock, accumulatedMs: now };
    // @ts-expect-error a duration is not when the run began
    const wrongToo: ClockState = { ...clock, runningSince: durationMs(5_000) };
    // @ts-expect-error a plain number must say what it is
    const plain: ClockState = { ...clock, addedMs: 60_000 };
    expect([wrong, wrongToo, plain]).toHaveLength(3);
  });

  it('the clock math answers durations, and a record keeps them', () => {
    const clock = runningClock({ since: T0, addedMs: 60_000 });
    const elapsed: DurationMs = elapsedMs(clock, instant(T0 + 5_000));
    // @ts-expect-error an elapsed time is not an instant
    const at: Instant = elapsedMs(clock, instant(T0 + 5_000));
    // @ts-expect-error the time added is a duration, not an instant
    allottedMs({ durationSec: 60 }, instant(T0));
    const record: ItemRecord = ran(T0, instant(T0 + 9_000), { addedMs: 1_000 });
    expect([elapsed, at, remainingMs(clock, { durationSec: 60 }, instant(T0 + 5_000)), record.elapsedMs, record.addedMs]).toEqual([5_000, 5_000, 115_000, 9_000, 1_000]);
  });
});
