import { describe, expect, it } from 'vitest';
import { initialState } from '../../../electron/engine/initial-state';
import { parseSavedState } from '../../../electron/persistence/state-file-schema';
import { fiveItems } from '../engine/engine-builders';

/** A state saved before automatic timing existed still loads; a saved one is checked like the rest. */
describe('the saved state and automatic timing', () => {
  it('a file without timing, aux or changedAt loads with none held or fired and two idle timers', () => {
    const { timing: _t, aux: _a, ...older } = JSON.parse(JSON.stringify(initialState(fiveItems()))) as Record<string, unknown>;
    const state = parseSavedState(older);
    expect(state.timing).toEqual({ held: [], fired: [] });
    expect(state.aux['1']).toMatchObject({ status: 'idle', direction: 'down' });
    expect(state.changedAt).toBeUndefined();
  });

  it.each([
    ['changedAt', { changedAt: 1e300 }, 'changedAt: must be a time before 2100-01-01'],
    ['an extra timer', { aux: { '1': { durationMs: 1, direction: 'sideways', status: 'idle', runningSince: null, accumulatedMs: 0, label: '', views: [] } } }, 'aux.1.direction'],
  ])('refuses an out-of-bounds %s, naming it', (_what, change, message) => {
    const saved = { ...JSON.parse(JSON.stringify(initialState(fiveItems()))), ...change };
    expect(() => parseSavedState(saved)).toThrow(message);
  });
});
