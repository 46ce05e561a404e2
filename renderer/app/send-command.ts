import type { CommandAck, CommandInput } from '../../shared/contract/commands';
import { apiError } from '../../shared/contract/errors';
import { getSocket } from './connection';
import { useRostrum } from './store';

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Sends a command and resolves with the server's answer. Never queues: while the link is down it
 * fails at once with `offline`, and with `timeout` when no answer comes in time, so the moderator
 * always knows whether a click took effect.
 */
export function sendCommand(command: CommandInput, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CommandAck> {
  const socket = getSocket();
  if (socket === null || !socket.connected || useRostrum.getState().link !== 'online') {
    return Promise.resolve({ ok: false, error: apiError('offline', 'not connected to the server') });
  }
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit('command', command, (err, ack) => {
      if (err || !ack) resolve({ ok: false, error: apiError('timeout', `no answer within ${timeoutMs} ms`) });
      else resolve(ack);
    });
  });
}
