import type { DisplayInfo } from '../../shared/contract/displays';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import type { Handler } from './route-context';

/** One display as the API lists it: `view` is the page it shows, `lastSeen` an ISO 8601 time. */
export const displayInfo = (d: ConnectedDisplay): DisplayInfo => ({
  id: d.id,
  view: d.page,
  role: d.role,
  name: d.name,
  address: d.address,
  language: d.language,
  lastSeen: new Date(d.lastSeen).toISOString(),
});

/** `GET /api/v1/displays` (control only: it names every display, its role and its address). */
export const displays: Handler<'displays'> = ({ ctx, room, answer }) => answer({ displays: ctx.displays(room).map(displayInfo) });
