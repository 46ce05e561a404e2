import { API_PREFIX as API_V1, TOKEN_PARAM } from '../../shared/contract/http';
import { roomApiPath } from '../../shared/contract/rooms';
import type { DownloadLinks } from '../../shared/report/download-links';
import type { Handler } from './route-context';

/**
 * `GET /api/v1/report/links` (control token): links the console can open in a new tab. They carry
 * the read-only view token, never the control token, since a link ends up in browser history.
 */
export const reportLinks: Handler<'reportLinks'> = ({ ctx, room, answer }) => {
  const view = ctx.rooms.tokensOf(room)?.view ?? ctx.tokens().view;
  const t = `${TOKEN_PARAM}=${encodeURIComponent(view)}`;
  // In a room other than `main`, the room's own paths (`/api/v1/rooms/<id>/report…`).
  const API_PREFIX = roomApiPath(room, `${API_V1}/`).slice(0, -1);
  const links: DownloadLinks = {
    report: {
      html: `${API_PREFIX}/report?format=html&${t}`,
      csv: `${API_PREFIX}/report?format=csv&${t}`,
      json: `${API_PREFIX}/report?format=json&download=1&${t}`,
    },
    export: {
      csv: `${API_PREFIX}/agenda/export?format=csv&${t}`,
      xlsx: `${API_PREFIX}/agenda/export?format=xlsx&${t}`,
      json: `${API_PREFIX}/agenda/export?format=json&${t}`,
    },
  };
  answer(links);
};
