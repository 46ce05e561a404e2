import { describe, expect, it } from 'vitest';
import { recordOf } from '../../../shared/report/report-types';
import { at, makeAgenda, makeItem, makeSession } from '../../builders';
import { TimingRig } from './timing-rig';

describe('the scheduler and a failing disk', () => {
  it('a transition that cannot be saved is tried again, and applied at its own instant once the disk recovers', () => {
    const agenda = makeAgenda({
      sessions: [makeSession({ id: 's', plannedStart: '14:00', plannedEnd: '15:00', autoStart: true, items: [makeItem({ id: 'a', durationSec: 600 })] })],
    });
    const rig = new TimingRig(agenda, at('13:00'));
    rig.crank(at('13:59'));
    rig.diskFails(true);
    rig.crank(at('14:00:05'));
    expect(rig.state.clock.status).toBe('idle');
    rig.diskFails(false);
    rig.crank(at('14:00:10'));
    expect(rig.state.clock.status).toBe('running');
    expect(recordOf(rig.state.report, 'a')?.actualStart).toBe(at('14:00'));
    expect(rig.fired.map((f) => f.type)).toEqual(['start:s']);
  });
});
