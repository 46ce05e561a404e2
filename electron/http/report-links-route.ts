import { API_PREFIX, TOKEN_PARAM } from '../../shared/contract/http';
import type { DownloadLinks } from '../../shared/report/download-links';
import type { Handler } from './route-context';

/**
 * `GET /api/v1/report/links` (control token): links the console can open in a new tab. They carry
 * the read-only view token, never the control token, since a link ends up in browser history.
 */
export const reportLinks: Handler<'reportLinks'> = ({ ctx, answer }) => {
  const t = `${TOKEN_PARAM}=${encodeURIComponent(ctx.tokens().view)}`;
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
