import { useCallback, useState } from 'react';
import type { CommandInput } from '../../../shared/contract/commands';
import type { ApiError } from '../../../shared/contract/errors';
import { sendCommand } from '../../app/send-command';

/**
 * Sends commands one at a time and keeps the last refusal to show. A new attempt clears it;
 * while one is in flight, `busy` is true so a double click cannot send twice.
 */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const send = useCallback(async (command: CommandInput) => {
    setBusy(true);
    setError(null);
    try {
      const ack = await sendCommand(command);
      if (!ack.ok) setError(ack.error);
    } finally {
      setBusy(false);
    }
  }, []);

  return { send, busy, error, dismiss: () => setError(null) };
}
