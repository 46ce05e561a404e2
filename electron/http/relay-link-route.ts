import { flattenItems } from '../../shared/agenda/agenda-queries';
import { AUDIENCE_PATH, PERSONAL_ITEM_PARAM, TOKEN_PARAM } from '../../shared/contract/http';
import type { RelayStatus, RemoteTokens } from '../../shared/contract/relay';
import type { RostrumState } from '../../shared/contract/state';
import type { RelayLink } from '../relay-link/relay-link';
import type { Handler } from './route-context';

export interface RelayStatusContext {
  /** Null: no relay was set (`--relay`): the answer says "off". */
  link: RelayLink | null;
  remoteTokens: () => RemoteTokens | null;
  state: () => RostrumState;
}

const linkTo = (base: string, path: string, token: string | null): string =>
  `${base}${path}${path.includes('?') ? '&' : '?'}${TOKEN_PARAM}=${encodeURIComponent(token ?? '')}`;

/** The relay link's state and the remote links (docs/api.md "Relay"); the links carry remote tokens. */
export function relayStatus(ctx: RelayStatusContext): RelayStatus {
  const status = ctx.link?.status() ?? null;
  const remote = ctx.remoteTokens();
  const base = status?.publicUrl ?? null;
  if (status === null || remote === null || base === null) {
    return { state: status?.state ?? 'off', rttMs: status?.rttMs ?? null, links: null, speakerLinks: [], lastError: status?.lastError ?? null };
  }
  const speaker = linkTo(base, '/speaker', remote.speaker);
  return {
    state: status.state,
    rttMs: status.rttMs,
    links: { speaker, booth: linkTo(base, '/booth', remote.booth), audience: linkTo(base, AUDIENCE_PATH, remote.audience) },
    // Each online speaker's own page (`item`): their countdown when on, their projected start before,
    // "Thank you" after. The remote speaker token, not one per item: every remote speaker sees the
    // same state anyway (the agenda is not secret among them), and one token keeps rotation simple.
    speakerLinks: flattenItems(ctx.state().agenda).map(({ item }) => ({
      itemId: item.id,
      url: linkTo(base, `/speaker?${PERSONAL_ITEM_PARAM}=${encodeURIComponent(item.id)}`, remote.speaker),
    })),
    lastError: status.lastError,
  };
}

/** `GET /api/v1/relay`, control only. */
export const relay: Handler<'relay'> = ({ ctx, answer }) =>
  answer(relayStatus({ link: ctx.relay?.link() ?? null, remoteTokens: ctx.relay?.remoteTokens ?? (() => null), state: () => ctx.core.state }));
