import { PERSONAL_ITEM_PARAM } from '../../shared/contract/http';

/** `/speaker?item=<id>`: an online speaker's personal page (docs/remote.md); null on any other link. */
export const personalItemId = (): string | null => new URLSearchParams(window.location.search).get(PERSONAL_ITEM_PARAM);

/** The viewer's own time zone, from the browser (a remote viewer's may differ from the event's). */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
