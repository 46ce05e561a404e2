import { describe, expect, it } from 'vitest';
import { initialState } from '../../../electron/engine/initial-state';
import { applyCommand } from '../../../electron/engine/apply-command';
import { crossingAt, currentRun, stillMeaningful, thresholdMs } from '../../../shared/automation/crossings';
import { fillTemplate, unknownPlaceholders } from '../../../shared/automation/templates';
import { transitionsOf } from '../../../shared/automation/transitions';
import type { Command } from '../../../shared/contract/commands';
import type { RostrumState } from '../../../shared/contract/state';
import { T0, later, makeAgenda, makeItem, makeSession, SECOND } from '../../builders';

const agenda = makeAgenda({
  sessions: [
    makeSession({ id: 's1', items: [makeItem({ id: 'a', durationSec: 300, warningSec: 60, dangerSec: 10 }), makeItem({ id: 'b', durationSec: 300 })] }),
    makeSession({ id: 's2', plannedStart: '15:00', plannedEnd: '16:00', items: [makeItem({ id: 'c', durationSec: 300 })] }),
  ],
});

/** Applies the commands one after the other, each at its instant, with the transitions of each step. */
function play(steps: [Command, number][]): { state: RostrumState; seen: string[][] } {
  let state = initialState(agenda, 1);
  const seen: string[][] = [];
  for (const [cmd, at] of steps) {
    const next = applyCommand(state, cmd, later(T0, at));
    seen.push(transitionsOf(state, next).map((t) => `${t.when} ${t.itemId}`));
    state = { ...next, revision: state.revision + 1 };
  }
  return { state, seen };
}

describe('transitionsOf: the transitions between two states of the core', () => {
  it('names each command of a day by what it did, once', () => {
    const { seen } = play([
      [{ type: 'start' }, 0],
      [{ type: 'pause' }, 10 * SECOND],
      [{ type: 'resume' }, 20 * SECOND],
      [{ type: 'next' }, 30 * SECOND],
      [{ type: 'next' }, 40 * SECOND],
      [{ type: 'pause' }, 50 * SECOND],
      [{ type: 'next' }, 60 * SECOND],
    ]);
    expect(seen).toEqual([
      ['item.started a', 'session.started a'],
      ['item.paused a'],
      ['item.resumed a'],
      ['item.finished a', 'item.loaded b', 'item.started b'],
      ['item.finished b', 'session.ended b', 'item.loaded c', 'item.started c', 'session.started c'],
      ['item.paused c'],
      ['item.finished c', 'session.ended c'],
    ]);
  });

  it('an item loaded but never started is not finished when left; a booth asking again is a new request', () => {
    const { seen } = play([
      [{ type: 'next' }, 0],
      [{ type: 'booth.request', booth: 'zh', kind: 'slow-down' } as Command, 1000],
      [{ type: 'booth.request', booth: 'zh', kind: 'slow-down' } as Command, 2000],
    ]);
    expect(seen[0]).toEqual(['item.loaded b']);
    expect(seen[1]).toEqual(['booth.request b']);
    expect(seen[2]).toEqual(['booth.request b']);
  });
});

describe('crossings: the instants the running clock reaches a threshold', () => {
  it('computes the crossing from the anchored clock, and keeps it across a pause', () => {
    const { state } = play([[{ type: 'start' }, 0]]);
    const item = agenda.sessions[0]!.items[0]!;
    expect(thresholdMs({ when: 'item.warning' }, item)).toBe(60_000);
    expect(thresholdMs({ when: 'item.overtime', overtimeSec: 30 }, item)).toBe(-30_000);
    const run = currentRun(state, later(T0, 1000))!;
    expect(crossingAt(run, 60_000, later(T0, 1000))).toBe(later(T0, 240_000));
    // Paused 100 s after 100 s of running: the warning comes 100 s later than planned.
    const paused = applyCommand(state, { type: 'pause' }, later(T0, 100_000));
    const resumed = applyCommand(paused, { type: 'resume' }, later(T0, 200_000));
    expect(crossingAt(currentRun(resumed, later(T0, 200_000))!, 60_000, later(T0, 200_000))).toBe(later(T0, 340_000));
    expect(crossingAt(currentRun(resumed, later(T0, 399_000))!, 0, later(T0, 399_000))).toBe(later(T0, 400_000));
    expect(crossingAt(currentRun(resumed, later(T0, 400_000))!, 0, later(T0, 400_000))).toBeNull();
  });

  it('a warning at or below the danger threshold never shows, so never fires; late firings only while the phase is on', () => {
    expect(thresholdMs({ when: 'item.warning' }, { durationSec: 100, warningSec: 10, dangerSec: 20 })).toBeNull();
    const { state } = play([[{ type: 'start' }, 0]]);
    expect(stillMeaningful('item.warning', 30_000, state)).toBe(true);
    expect(stillMeaningful('item.warning', 5_000, state)).toBe(false);
    expect(stillMeaningful('item.timeUp', -5_000, state)).toBe(true);
  });
});

describe('templates', () => {
  it('names unknown placeholders and fills known ones', () => {
    expect(unknownPlaceholders('{{item.speaker}} {{ item.nope }} {{x}} {{x}}')).toEqual(['item.nope', 'x']);
    expect(fillTemplate('/x?who={{item.speaker}}', { 'item.speaker': 'Ada L' }, encodeURIComponent)).toBe('/x?who=Ada%20L');
  });
});
