import { previousPlayable } from '../../shared/agenda/agenda-queries';
import type { CommandAck, CommandInput } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import { commandFor, expectedFrom, type Intent } from '../../shared/control/command-for';

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
  const live = currentItemId !== null && status !== 'ended';
  const applies: Record<SessionAction, boolean> = {
    start: live && (status === 'idle' || status === 'paused'),
    pause: live && status === 'running',
    next: live,
    previous: previousPlayable(state.agenda, status === 'ended' ? null : currentItemId) !== undefined,
    plusMinute: live,
    minusMinute: live,
  };
  if (!applies[action]) return null;
  const intent: Intent = action === 'plusMinute' || action === 'minusMinute' ? { kind: 'adjust', seconds: action === 'plusMinute' ? 60 : -60 } : { kind: action };
  const built = commandFor({ ...intent, ...expectedFrom(state.clock) }, state);
  return built.ok ? built.command : null;
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
