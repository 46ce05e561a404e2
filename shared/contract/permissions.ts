import { BOOTH_EDIT_COMMANDS, COMMAND_ROLES, type Command } from './commands';
import { apiError, type ApiError } from './errors';
import type { Role } from './roles';
import type { RostrumState } from './state';

/** Why `role` may not run `cmd` now, or null when it may. Checked on the server for every command. */
export function permissionRefusal(cmd: Command, role: Role, state: RostrumState): ApiError | null {
  if (!COMMAND_ROLES[cmd.type].includes(role)) {
    return apiError('forbidden', `the ${role} role may not send "${cmd.type}"`, 'type');
  }
  if (role === 'booth' && BOOTH_EDIT_COMMANDS.includes(cmd.type) && !state.booth.mayEditNotes) {
    return apiError('edits-not-allowed', `the moderator has not allowed booths to edit notes ("${cmd.type}")`, 'type');
  }
  return null;
}
