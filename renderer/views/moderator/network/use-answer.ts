import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/contract/errors';
import type { Answer } from './network-api';

export interface Fetched<T> {
  /** The last body the route answered; null until the first answer. */
  body: T | null;
  /** The last refusal, cleared by the next good answer. */
  error: ApiError | null;
  /** Takes an answer the panel got another way (e.g. the one a change returns). */
  take: (answer: Answer<T>) => void;
  /** Asks the route again. */
  refresh: () => void;
}

/** A route's answer, read when the panel opens and again on refresh(): the network panels' one loader. `load` must be stable. */
export function useAnswer<T>(load: () => Promise<Answer<T>>): Fetched<T> {
  const [body, setBody] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const take = useCallback((answer: Answer<T>) => {
    if (answer.ok) {
      setBody(answer.body);
      setError(null);
    } else setError(answer.error);
  }, []);
  const refresh = useCallback(() => void load().then(take), [load, take]);
  useEffect(refresh, [refresh]);
  return { body, error, take, refresh };
}
