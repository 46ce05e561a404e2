import { describe, expect, it, test } from 'vitest';
import {
  allottedMs,
  elapsedMs,
  nextPhaseChangeAt,
  overtimeMs,
  phaseOf,
  remainingMs,
  thresholdsOf,
} from '../../../shared/clock/clock-math';
import { clockView } from '../../../shared/clock/clock-view';
import { IDLE_CLOCK } from '../../../shared/clock/clock-state';
import { durationMs } from '../../../shared/time/instant';
import { MINUTE, SECOND, T0, idleClock, later, makeAgenda, makeItem, makeSession, pausedClock, runningClock } from '../../builders';

const fifteenMinutes = makeItem({ durationSec: 900 });
const open = makeItem({}); // no duration: counts up

describe('elapsedMs', () => {
  it('adds the running segment to the time accumulated before the last resume', () => {
    // Ran 1:30, paused, resumed at T0; 30 s later the speaker has used 2:00.
    const clock = runningClock({ since: T0, accumulatedMs: 90 * SECOND });
    expect(elapsedMs(clock, later(T0, 30 * SECOND))).toBe(120 * SECOND);
  });

  it('stands still while paused, however much time passes', () => {
    const clock = pausedClock({ accumulatedMs: 90 * SECOND });
    expect(elapsedMs(clock, T0)).toBe(90 * SECOND);
    expect(elapsedMs(clock, later(T0, 60 * MINUTE))).toBe(90 * SECOND);
  });

  it('follows a pause/resume sequence built from its anchors', () => {
    // Start at T0, pause at +2:00, resume at +5:00, look at +6:00 → 3:00 used.
    const paused = pausedClock({ accumulatedMs: elapsedMs(runningClock({ since: T0 }), later(T0, 2 * MINUTE)) });
    const resumed = runningClock({ since: later(T0, 5 * MINUTE), accumulatedMs: paused.accumulatedMs });
    expect(elapsedMs(resumed, later(T0, 6 * MINUTE))).toBe(3 * MINUTE);
  });

  it('never counts backwards when "now" is before the run began (clock skew)', () => {
    const clock = runningClock({ since: T0, accumulatedMs: 10 * SECOND });
    expect(elapsedMs(clock, later(T0, -5 * SECOND))).toBe(10 * SECOND);
  });

  it('is zero for an idle clock', () => {
    expect(elapsedMs(IDLE_CLOCK, T0)).toBe(0);
  });
});

describe('remainingMs and overtimeMs', () => {
  it('counts down from the duration plus the time the moderator added', () => {
    const clock = runningClock({ since: T0, addedMs: 60 * SECOND });
    expect(allottedMs(fifteenMinutes, durationMs(60 * SECOND))).toBe(16 * MINUTE);
    expect(remainingMs(clock, fifteenMinutes, later(T0, 100 * SECOND))).toBe(16 * MINUTE - 100 * SECOND);
  });

  it('goes negative in overtime, and overtime is its magnitude', () => {
    const clock = runningClock({ since: T0 });
    const remaining = remainingMs(clock, fifteenMinutes, later(T0, 15 * MINUTE + 42 * SECOND));
    expect(remaining).toBe(-42 * SECOND);
    expect(overtimeMs(remaining)).toBe(42 * SECOND);
    expect(overtimeMs(1)).toBe(0);
    expect(overtimeMs(0)).toBe(0);
  });

  it('is null for an item without a duration (it counts up), with no overtime', () => {
    const clock = runningClock({ since: T0 });
    expect(allottedMs(open, durationMs(0))).toBeNull();
    expect(remainingMs(clock, open, later(T0, 99 * MINUTE))).toBeNull();
    expect(overtimeMs(null)).toBe(0);
  });

  it('is null when there is no item', () => {
    expect(remainingMs(runningClock({ since: T0 }), undefined, T0)).toBeNull();
  });
});

describe('phaseOf', () => {
  const defaults = thresholdsOf(fifteenMinutes);

  it('uses 2:00 warning and 0:30 danger by default', () => {
    expect(defaults).toEqual({ warningMs: 120 * SECOND, dangerMs: 30 * SECOND });
  });

  test.each([
    [120 * SECOND + 1, 'normal'],
    [120 * SECOND, 'warning'],
    [30 * SECOND + 1, 'warning'],
    [30 * SECOND, 'danger'],
    [1, 'danger'],
    [0, 'overtime'],
    [-1, 'overtime'],
    [-10 * MINUTE, 'overtime'],
    [null, 'normal'],
  ] as const)('remaining %s ms → %s', (remaining, phase) => {
    expect(phaseOf(remaining, defaults)).toBe(phase);
  });

  test.each([
    [300 * SECOND + 1, 'normal'],
    [300 * SECOND, 'warning'],
    [60 * SECOND + 1, 'warning'],
    [60 * SECOND, 'danger'],
    [0, 'overtime'],
  ] as const)('per-item thresholds (warning 5:00, danger 1:00): remaining %s ms → %s', (remaining, phase) => {
    const item = makeItem({ durationSec: 1200, warningSec: 300, dangerSec: 60 });
    expect(phaseOf(remaining, thresholdsOf(item))).toBe(phase);
  });

  it('overrides one threshold without touching the other', () => {
    expect(thresholdsOf(makeItem({ durationSec: 600, dangerSec: 10 }))).toEqual({ warningMs: 120 * SECOND, dangerMs: 10 * SECOND });
  });
});

describe('nextPhaseChangeAt', () => {
  const clock = runningClock({ since: T0 });
  const phaseAt = (item: typeof fifteenMinutes, when: number) =>
    phaseOf(remainingMs(clock, item, later(T0, when)), thresholdsOf(item));

  it('is when the warning starts, for a fresh 15-minute talk', () => {
    expect(nextPhaseChangeAt(clock, fifteenMinutes, T0)).toBe(later(T0, 13 * MINUTE));
  });

  it('is the danger boundary once in warning, even exactly at the warning threshold', () => {
    const now = later(T0, 13 * MINUTE); // exactly 2:00 left
    expect(nextPhaseChangeAt(clock, fifteenMinutes, now)).toBe(later(T0, 14 * MINUTE + 30 * SECOND));
  });

  it('is zero (overtime) once in danger', () => {
    const now = later(T0, 14 * MINUTE + 30 * SECOND); // exactly 0:30 left
    expect(nextPhaseChangeAt(clock, fifteenMinutes, now)).toBe(later(T0, 15 * MINUTE));
  });

  it('returns an instant at which the phase really changes (and not a millisecond earlier)', () => {
    const item = makeItem({ durationSec: 600, warningSec: 240, dangerSec: 45 });
    let now = T0;
    const seen: string[] = [phaseAt(item, 0)];
    for (let next = nextPhaseChangeAt(clock, item, now); next !== null; next = nextPhaseChangeAt(clock, item, now)) {
      expect(phaseAt(item, next - T0 - 1)).toBe(seen[seen.length - 1]);
      seen.push(phaseAt(item, next - T0));
      now = next;
    }
    expect(seen).toEqual(['normal', 'warning', 'danger', 'overtime']);
    expect(now).toBe(later(T0, 10 * MINUTE));
  });

  it('does not skip the danger phase when an item switches its warning off (warningSec 0)', () => {
    // Found bug: boundaries were assumed to be in descending order, so with warning at 0:00 the
    // next change was reported at zero and the red danger cue (0:30) was scheduled 30 s late.
    const item = makeItem({ durationSec: 300, warningSec: 0 });
    expect(nextPhaseChangeAt(clock, item, T0)).toBe(later(T0, 4 * MINUTE + 30 * SECOND));
    expect(phaseAt(item, 4 * MINUTE + 30 * SECOND)).toBe('danger');
  });

  it('is null in overtime, while paused or idle, and for an item without a duration', () => {
    expect(nextPhaseChangeAt(clock, fifteenMinutes, later(T0, 15 * MINUTE))).toBeNull();
    expect(nextPhaseChangeAt(pausedClock({ accumulatedMs: MINUTE }), fifteenMinutes, T0)).toBeNull();
    expect(nextPhaseChangeAt(idleClock('x'), fifteenMinutes, T0)).toBeNull();
    expect(nextPhaseChangeAt(clock, open, T0)).toBeNull();
  });
});

describe('clockView', () => {
  it('derives duration, remaining and phase of the current item as of now', () => {
    const item = makeItem({ id: 'talk', durationSec: 420 });
    const agenda = makeAgenda({ sessions: [makeSession({ items: [item] })] });
    const view = clockView(runningClock({ itemId: 'talk', since: T0, addedMs: 60 * SECOND }), agenda, later(T0, 7 * MINUTE));
    expect(view).toMatchObject({ durationMs: 8 * MINUTE, elapsedMs: 7 * MINUTE, remainingMs: MINUTE, phase: 'warning' });
  });
});
