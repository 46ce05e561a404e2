import type { CommandAck, CommandInput } from '../../../../shared/contract/commands';
import { sendCommand } from '../../../app/send-command';
import { clearFeedback, showError, type ActionKey } from './feedback';

/**
 * Sends a command and reports a refusal in the console's feedback line (translated there).
 * Every click goes through here, so none fails silently: offline, timeout and the server's own
 * refusals all show. Resolves with the ack, for callers that do more on success.
 */
export async function runCommand(command: CommandInput, action: ActionKey): Promise<CommandAck> {
  clearFeedback();
  const ack = await sendCommand(command);
  if (!ack.ok) showError(ack.error, action);
  return ack;
}
