import { describe, expect, it } from 'vitest';
import { validateCommand } from '../../../shared/contract/validate';
import { lowerThirdOn } from '../../../shared/outputs/lower-third';
import { SECOND, T0, later } from '../../builders';
import { fresh, send } from './engine-builders';

describe('the lower third (#19)', () => {
  it('goes in when an item starts, stays the hold time, then goes out', () => {
    const started = send(fresh(), { type: 'start' }, T0);
    expect(started.display.lowerThird.cue).toEqual({ itemId: 'a', shownAt: T0 });
    expect(lowerThirdOn(started.display.lowerThird, later(T0, 8 * SECOND - 1))).toBe(true);
    expect(lowerThirdOn(started.display.lowerThird, later(T0, 8 * SECOND))).toBe(false);
  });

  it('goes in again on next while running, for the new speaker', () => {
    const t1 = later(T0, 60 * SECOND);
    const s = send(send(fresh(), { type: 'start' }, T0), { type: 'next' }, t1);
    expect(s.display.lowerThird.cue).toEqual({ itemId: 'b', shownAt: t1 });
  });

  it('is not cued again by a resume after a pause, nor by loading an item that is not started', () => {
    const s1 = send(send(fresh(), { type: 'start' }, T0), { type: 'pause' }, later(T0, SECOND));
    const s2 = send(s1, { type: 'resume' }, later(T0, 20 * SECOND));
    expect(s2.display.lowerThird.cue).toEqual({ itemId: 'a', shownAt: T0 });
    const idleNext = send(s1, { type: 'next' }, later(T0, 30 * SECOND));
    expect(idleNext.display.lowerThird.cue?.itemId).toBe('a');
  });

  it('is shown and hidden by command; hold 0 keeps it on until hidden', () => {
    const held = send(fresh(), { type: 'settings.update', lowerThirdHoldSec: 0 }, T0);
    expect(held.display.lowerThird.holdSec).toBe(0);
    const shown = send(held, { type: 'lowerThird.show' }, T0);
    expect(lowerThirdOn(shown.display.lowerThird, later(T0, 3_600 * SECOND))).toBe(true);
    const hidden = send(shown, { type: 'lowerThird.hide' }, later(T0, SECOND));
    expect(hidden.display.lowerThird.cue).toBeNull();
    expect(lowerThirdOn(hidden.display.lowerThird, later(T0, SECOND))).toBe(false);
    expect(send(hidden, { type: 'lowerThird.hide' }, later(T0, SECOND))).toBe(hidden);
  });

  it('refuses a hold time out of range, naming the field', () => {
    const v = validateCommand({ type: 'settings.update', lowerThirdHoldSec: 601 });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatchObject({ code: 'invalid', path: 'lowerThirdHoldSec' });
    expect(validateCommand({ type: 'settings.update' }).ok).toBe(false);
  });

  it('the audience screens say "running late" only once the operator allows it', () => {
    expect(fresh().display.audienceShowsLate).toBe(false);
    expect(send(fresh(), { type: 'settings.update', audienceShowsLate: true }, T0).display.audienceShowsLate).toBe(true);
  });
});
