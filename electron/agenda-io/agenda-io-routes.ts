import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX } from '../../shared/contract/http';
import { apiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { ApiContext } from '../server/api-routes';
import { sendError } from '../server/http-util';
import { readAccess } from '../server/read-access';
import { handleDownloadLinks } from '../report/links-route';
import { handleReport } from '../report/report-route';
import { handleAgendaExport } from './export-route';
import { handleAgendaImport } from './import-route';

/**
 * The routes of agenda import/export and the timing report (docs/api.md), dispatched from
 * api-routes.ts. `route` is `METHOD /path`. Returns false for any other route.
 */
export async function agendaIoRoutes(route: string, req: IncomingMessage, res: ServerResponse, ctx: ApiContext, role: Role | null): Promise<boolean> {
  const query = () => new URL(req.url ?? '/', 'http://localhost').searchParams;
  const readable = (q: URLSearchParams) => {
    const access = readAccess(req, q, role, ctx.tokens());
    if (!access.ok) sendError(res, access.error);
    return access.ok;
  };
  switch (route) {
    case `POST ${API_PREFIX}/agenda/import`:
      await handleAgendaImport(req, res, query(), ctx.core, role);
      return true;
    case `GET ${API_PREFIX}/agenda/export`: {
      const q = query();
      if (readable(q)) await handleAgendaExport(res, q, ctx.core);
      return true;
    }
    case `GET ${API_PREFIX}/report`: {
      const q = query();
      if (readable(q)) handleReport(res, q, ctx.core);
      return true;
    }
    case `GET ${API_PREFIX}/report/links`:
      if (role === null) sendError(res, apiError('unauthorized', 'send the control token as "Authorization: Bearer <token>"'));
      else if (role !== 'control') sendError(res, apiError('forbidden', `the ${role} role may not ask for download links`));
      else handleDownloadLinks(res, ctx.tokens().view);
      return true;
    default:
      return false;
  }
}
