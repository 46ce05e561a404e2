import { useCallback, useState } from 'react';
import type { CommandInput } from '../../../shared/contract/commands';
import type { ApiError } from '../../../shared/contract/errors';
import { sendCommand } from '../../app/send-command';

/**
 * Sends a booth command and keeps its refusal to show beside the control that sent it.
 * Resolves true when the server accepted it. Never queued: offline fails at once, in words.
 */
export function useBoothCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const send = useCallback(async (command: CommandInput): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const ack = await sendCommand(command);
      if (!ack.ok) setError(ack.error);
      return ack.ok;
    } finally {
      setBusy(false);
    }
  }, []);

  return { send, busy, error, clearError: useCallback(() => setError(null), []) };
}
