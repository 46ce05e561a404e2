import { EXPORT_FORMATS, type ExportFormat } from '../../shared/agenda-io/import-types';
import { apiError } from '../../shared/contract/errors';
import { sendDownload, sendError } from '../server/http-util';
import type { Handler } from './route-context';

const isFormat = (v: string | null): v is ExportFormat => v !== null && (EXPORT_FORMATS as readonly string[]).includes(v);

/** `GET /api/v1/agenda/export?format=csv|xlsx|json`: the agenda as a download, in the columns import reads. */
export const agendaExport: Handler<'agendaExport'> = async ({ res, url, ctx }) => {
  const format = url.searchParams.get('format') ?? 'csv';
  if (!isFormat(format)) return sendError(res, apiError('invalid', `format: must be one of ${EXPORT_FORMATS.join(', ')}`, 'format'));
  const { agenda } = ctx.core.state;
  // The writers load on the first export, not with the server (bench: server RSS).
  const { exportAgenda } = await import('../agenda-io/export-agenda');
  sendDownload(res, await exportAgenda(agenda, format));
};
