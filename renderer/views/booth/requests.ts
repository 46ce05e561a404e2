import type { BoothRequestKind } from '../../../shared/contract/presets';
import type { BoothRequest } from '../../../shared/contract/state';

export type RequestState = 'none' | 'open' | 'acknowledged';

/** This booth's request of a kind that matters now: the open one, else the latest acknowledged. */
export function latestRequest(requests: readonly BoothRequest[], booth: string, kind: BoothRequestKind): BoothRequest | undefined {
  const mine = requests.filter((r) => r.booth === booth && r.kind === kind);
  return (
    mine.find((r) => r.acknowledgedAt === null) ??
    mine.reduce<BoothRequest | undefined>((best, r) => (best === undefined || (r.acknowledgedAt ?? 0) > (best.acknowledgedAt ?? 0) ? r : best), undefined)
  );
}

export const requestState = (r: BoothRequest | undefined): RequestState =>
  r === undefined ? 'none' : r.acknowledgedAt === null ? 'open' : 'acknowledged';

/** An acknowledgement stays highlighted this long; after that it is only history. */
export const FRESH_ACK_MS = 2 * 60_000;
