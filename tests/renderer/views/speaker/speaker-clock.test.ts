import { describe, expect, it } from 'vitest';
import type { ClockState } from '../../../../shared/clock/clock-state';
import { makeClock, type ClockInput } from '../../../builders';
import { instant } from '../../../../shared/time/instant';
import { speakerClockAt, speakerWords } from '../../../../renderer/views/speaker/speaker-clock';

const T0 = 1_800_000_000_000;
const clock = (over: ClockInput = {}): ClockState => makeClock({ status: 'running', currentItemId: 'a', runningSince: instant(T0), ...over });

/** speakerClockAt at a time given in plain ms. */
const clockAt = (c: ClockState | null, item: Parameters<typeof speakerClockAt>[1], now: number) => speakerClockAt(c, item, instant(now));

describe('speakerClockAt', () => {
  it('counts the bar in the seconds the digits show, so both move together', () => {
    const item = { durationSec: 100 };
    expect(clockAt(clock(), item, T0).left).toBe(1);
    expect(clockAt(clock(), item, T0 + 1).left).toBe(1); // still shows 1:40
    expect(clockAt(clock(), item, T0 + 1000).left).toBe(0.99); // 1:39
    expect(clockAt(clock(), item, T0 + 100_000).left).toBe(0);
    expect(clockAt(clock(), item, T0 + 130_000).left).toBe(0); // overtime
    expect(clockAt(clock({ addedMs: 100_000 }), item, T0 + 100_000).left).toBe(0.5);
  });

  it('has no bar for an item that counts up, or after the event', () => {
    expect(clockAt(clock(), {}, T0 + 5000)).toMatchObject({ left: null, reading: { text: '0:05', countsUp: true } });
    expect(clockAt(clock({ status: 'ended', currentItemId: null }), undefined, T0).left).toBeNull();
    expect(clockAt(null, undefined, T0).left).toBeNull();
  });
});

describe('speakerWords', () => {
  const words = (over: ClockInput, item: object, ms: number) => speakerWords(clockAt(clock(over), item, T0 + ms).reading, item);

  it('says WRAP UP, FINAL with the item’s own danger threshold, and TIME UP', () => {
    expect(words({}, { durationSec: 300 }, 0)).toEqual({ phase: null, status: null });
    expect(words({}, { durationSec: 300 }, 180_000).phase).toEqual({ key: 'speaker.phase.warning' });
    expect(words({}, { durationSec: 300 }, 270_000).phase).toEqual({ key: 'speaker.phase.danger', vars: { time: '0:30' } });
    expect(words({}, { durationSec: 300, dangerSec: 45 }, 255_000).phase).toEqual({ key: 'speaker.phase.danger', vars: { time: '0:45' } });
    expect(words({}, { durationSec: 300, dangerSec: 90 }, 210_000).phase).toEqual({ key: 'speaker.phase.danger', vars: { time: '1:30' } });
    expect(words({}, { durationSec: 300 }, 300_000).phase).toEqual({ key: 'speaker.phase.overtime' });
  });

  it('says what a still clock is doing: not started, paused, ended; and that an open item counts up', () => {
    const idle = { status: 'idle' as const, runningSince: null };
    expect(words(idle, { durationSec: 20 }, 0)).toEqual({ phase: null, status: 'speaker.status.idle' });
    const paused = { status: 'paused' as const, runningSince: null, accumulatedMs: 200_000 };
    expect(words(paused, { durationSec: 300 }, 0)).toEqual({ phase: { key: 'speaker.phase.warning' }, status: 'speaker.status.paused' });
    expect(words({ status: 'ended', currentItemId: null }, {}, 0).status).toBe('speaker.status.ended');
    expect(words({}, {}, 5_000)).toEqual({ phase: null, status: 'speaker.status.countsUp' });
  });
});
