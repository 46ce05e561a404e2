import type { BoothRequest } from '../../../../shared/contract/state';
import { useRostrum } from '../../../app/store';
import { isOpen } from './open-requests';

/** One key per time a booth asked: a new request, or the same one asked again (its count). */
const askKeys = (requests: readonly BoothRequest[]): string[] => requests.filter(isOpen).map((r) => `request|${r.id}|${r.count}`);

/**
 * Calls `asked(key)` for every booth request that arrives, or is asked again, after the console
 * first heard from the server: the requests already open when it connected are on screen and in
 * the title, and chiming for them on every reload would teach the operator to ignore the chime.
 * Returns a function that stops watching.
 */
export function watchRequests(asked: (key: string) => void): () => void {
  let known: Set<string> | null = null;
  const look = (requests: readonly BoothRequest[] | undefined) => {
    if (requests === undefined) return;
    const keys = askKeys(requests);
    if (known !== null) for (const key of keys) if (!known.has(key)) asked(key);
    known = new Set([...(known ?? []), ...keys]);
  };
  look(useRostrum.getState().snapshot?.booth.requests);
  return useRostrum.subscribe((s, before) => {
    if (s.snapshot?.booth.requests !== before.snapshot?.booth.requests) look(s.snapshot?.booth.requests);
  });
}
