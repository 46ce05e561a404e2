import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../../electron/engine/initial-state';
import { makeSnapshot } from '../../../electron/server/snapshot';
import { seedServerClock } from '../../../renderer/app/server-clock';
import { useRostrum } from '../../../renderer/app/store';
import { watchCues } from '../../../renderer/audio/cue-watcher';
import { at, makeAgenda, makeItem, makeSession } from '../../builders';
import { send } from '../../electron/engine/engine-builders';

/** An end-by item cues its warning by the wall clock, like the digits count (shared/timing/ends-at.ts). */
describe('cues for an end-by item', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    useRostrum.setState({ snapshot: null });
  });

  it('cue the warning two minutes before its end-by time, with no duration of its own', () => {
    const agenda = makeAgenda({ sessions: [makeSession({ id: 's', items: [makeItem({ id: 'a', endAt: '16:30' })] })] });
    const state = send(initialState(agenda), { type: 'start' }, at('16:00'));
    const cues: string[] = [];
    seedServerClock(at('16:27:55'));
    useRostrum.setState({ snapshot: makeSnapshot(state, at('16:27:55')) });
    stop = watchCues((cue) => cues.push(cue));
    expect(cues).toEqual([]);
    seedServerClock(at('16:28:05'));
    useRostrum.setState({ snapshot: makeSnapshot(state, at('16:28:05')) });
    expect(cues).toEqual(['warning']);
  });
});
