import { apiError } from '../../../../shared/contract/errors';
import { holdTarget } from '../../../../shared/timing/next-transition';
import { useRostrum } from '../../../app/store';
import { showError } from './feedback';
import { runCommand } from './run-command';

/** H or the button: hold the next session's automatic start, or let a held one start by itself again. */
export async function toggleHold(): Promise<void> {
  const s = useRostrum.getState().snapshot;
  if (!s) {
    showError(apiError('offline', 'not connected to the server'), 'moderator.action.hold');
    return;
  }
  const target = holdTarget(s);
  if (target === null) return;
  await runCommand({ type: 'session.hold', sessionId: target.sessionId, held: target.held }, 'moderator.action.hold');
}

/** A button of an extra timer. */
export async function auxCommand(command: Parameters<typeof runCommand>[0]): Promise<void> {
  await runCommand(command, 'moderator.action.aux');
}
