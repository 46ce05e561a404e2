import { describe, expect, it } from 'vitest';
import { QUIET_MS, followTop, mayFollow } from '../../../../renderer/views/moderator/rundown/follow-live';

describe('mayFollow', () => {
  it.each([
    { what: 'never touched', lastTouchedAt: -Infinity, now: 0, editing: false, follows: true },
    { what: 'touched 9.999 s ago', lastTouchedAt: 1_000, now: 1_000 + QUIET_MS - 1, editing: false, follows: false },
    { what: 'touched exactly 10 s ago', lastTouchedAt: 1_000, now: 1_000 + QUIET_MS, editing: false, follows: true },
    { what: 'editing, untouched for long', lastTouchedAt: -Infinity, now: 1e9, editing: true, follows: false },
  ])('$what → $follows', ({ lastTouchedAt, now, editing, follows }) => {
    expect(mayFollow({ lastTouchedAt, editing }, now)).toBe(follows);
  });
});

describe('followTop', () => {
  const box = { top: 100, height: 800, scrollTop: 500 };
  it('leaves a row in full view where it is', () => {
    expect(followTop(box, { top: 100, height: 80 })).toBeNull();
    expect(followTop(box, { top: 820, height: 80 })).toBeNull();
  });
  it('brings a row below the view up, a little under the top', () => {
    expect(followTop(box, { top: 1500, height: 80 })).toBe(500 + 1400 - 120);
  });
  it('brings a row above the view down, never past the start', () => {
    expect(followTop(box, { top: 0, height: 80 })).toBe(500 - 100 - 120);
    expect(followTop({ ...box, scrollTop: 50 }, { top: 0, height: 80 })).toBe(0);
  });
});
