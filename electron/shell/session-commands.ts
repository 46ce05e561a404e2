import { previousPlayable } from '../../shared/agenda/agenda-queries';
import type { CommandAck, CommandInput } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';

/** What the Session menu can do. */
export const SESSION_ACTIONS = ['start', 'pause', 'next', 'previous', 'plusMinute', 'minusMinute'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/**
 * The command a Session menu item sends, exactly as the moderator view sends it: naming the
 * current item (`expectedItemId`), so a menu click that crosses someone else's click is refused,
 * never applied to the wrong item. Null when the action does not apply now.
 */
export function sessionCommand(action: SessionAction, state: RostrumState): CommandInput | null {
  const { status, currentItemId } = state.clock;
  const expected = currentItemId === null ? {} : { expectedItemId: currentItemId };
  const live = currentItemId !== null && status !== 'ended';
  switch (action) {
    case 'start':
      if (!live || (status !== 'idle' && status !== 'paused')) return null;
      return { type: status === 'paused' ? 'resume' : 'start', ...expected };
    case 'pause':
      return live && status === 'running' ? { type: 'pause', ...expected } : null;
    case 'next':
      return live ? { type: 'next', ...expected } : null;
    case 'previous':
      return previousPlayable(state.agenda, status === 'ended' ? null : currentItemId) ? { type: 'previous', ...expected } : null;
    case 'plusMinute':
      return live ? { type: 'adjust', seconds: 60, ...expected } : null;
    case 'minusMinute':
      return live ? { type: 'adjust', seconds: -60, ...expected } : null;
  }
}

/** Which Session items are enabled now. */
export function sessionAvailability(state: RostrumState): Record<SessionAction, boolean> {
  return Object.fromEntries(SESSION_ACTIONS.map((a) => [a, sessionCommand(a, state) !== null])) as Record<SessionAction, boolean>;
}

/** The part of RostrumCore the menu uses: the same `execute` the socket and HTTP API call. */
export interface CommandPath {
  readonly state: RostrumState;
  execute(input: unknown, role: 'control'): CommandAck;
}

/** Runs a Session action through the core's one command path, with the control role. Null: nothing to do. */
export function runSessionAction(core: CommandPath, action: SessionAction): CommandAck | null {
  const command = sessionCommand(action, core.state);
  return command === null ? null : core.execute(command, 'control');
}
