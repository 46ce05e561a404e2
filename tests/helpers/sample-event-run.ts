import type { CommandInput } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import { validateCommand } from '../../shared/contract/validate';
import { applyCommand } from '../../electron/engine/apply-command';
import { initialState } from '../../electron/engine/initial-state';
import { at, loadSample } from '../builders';

/** The sample event as it might have run on its day, driven through the engine with an injected clock. */
export function runSampleEvent(): RostrumState {
  const steps: [string, CommandInput][] = [
    ['13:58:00', { type: 'skip', itemId: 's1-yoon', skipped: true }],
    ['14:03:10', { type: 'start' }],
    ['14:10:55', { type: 'next' }],
    ['14:15:00', { type: 'pause' }],
    ['14:16:30', { type: 'resume' }],
    ['14:17:00', { type: 'adjust', seconds: 60 }],
    ['14:19:20', { type: 'next' }],
    ['14:26:00', { type: 'next' }],
    ['14:34:40', { type: 'next' }],
    ['14:50:10', { type: 'next' }],
    ['15:03:30', { type: 'next' }],
    ['15:09:45', { type: 'next' }],
    ['15:24:00', { type: 'next' }],
    ['15:41:15', { type: 'next' }],
    ['15:55:00', { type: 'pause' }],
    ['15:57:00', { type: 'resume' }],
    ['15:58:20', { type: 'goto', itemId: 'close-martinez' }],
    ['16:09:00', { type: 'next' }],
    ['16:21:30', { type: 'next' }],
  ];
  return steps.reduce((state, [time, input]) => {
    const cmd = validateCommand(input);
    if (!cmd.ok) throw new Error(cmd.error.message);
    return applyCommand(state, cmd.value, at(time));
  }, initialState(loadSample()));
}
