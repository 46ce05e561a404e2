import { describe, expect, it } from 'vitest';
import { minutesUntil, personalPhase } from '../../../../renderer/views/speaker/personal-phase';
import { projectSchedule } from '../../../../shared/schedule/projection';
import { instant } from '../../../../shared/time/instant';
import { MINUTE, SECOND, at } from '../../../builders';
import { fresh, send } from '../../../electron/engine/engine-builders';

/** An online speaker's personal page (`/speaker?item=`): where their item stands, from the projection. */
describe('personalPhase', () => {
  const state = fresh();
  const [first, second] = state.agenda.sessions.flatMap((s) => s.items);

  it('is before, with the projected start, until the item is on; on while current; after once done', () => {
    const before = projectSchedule(state, at('13:50'));
    expect(personalPhase(before, second!.id)).toEqual({ phase: 'before', start: before.items[1]!.projectedStart });
    const running = send(state, { type: 'start' }, at('14:00'));
    expect(personalPhase(projectSchedule(running, at('14:01')), first!.id)).toEqual({ phase: 'on' });
    const next = send(running, { type: 'next', expectedItemId: first!.id }, at('14:05'));
    const schedule = projectSchedule(next, at('14:05'));
    expect(personalPhase(schedule, first!.id)).toEqual({ phase: 'after' });
    expect(personalPhase(schedule, second!.id)).toEqual({ phase: 'on' });
  });

  it('is unknown for an item not on the agenda, and without a projection', () => {
    expect(personalPhase(projectSchedule(state, at('13:50')), 'gone')).toEqual({ phase: 'unknown' });
    expect(personalPhase(null, first!.id)).toEqual({ phase: 'unknown' });
  });
});

describe('minutesUntil', () => {
  it('rounds up to whole minutes, and is 0 once the start is due or past', () => {
    const start = instant(at('14:00'));
    expect(minutesUntil(start, instant(start - 12 * MINUTE))).toBe(12);
    expect(minutesUntil(start, instant(start - 11 * MINUTE - 30 * SECOND))).toBe(12);
    expect(minutesUntil(start, start)).toBe(0);
    expect(minutesUntil(start, instant(start + MINUTE))).toBe(0);
  });
});
