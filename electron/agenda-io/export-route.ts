import type { ServerResponse } from 'node:http';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/agenda-io/import-types';
import { apiError } from '../../shared/contract/errors';
import type { RostrumCore } from '../server/core';
import { sendError } from '../server/http-util';
import { exportAgenda } from './export-agenda';

const isFormat = (v: string | null): v is ExportFormat => v !== null && (EXPORT_FORMATS as readonly string[]).includes(v);

/** `GET /api/v1/agenda/export?format=csv|xlsx|json`: the agenda as a download, in the columns import reads. */
export async function handleAgendaExport(res: ServerResponse, query: URLSearchParams, core: RostrumCore): Promise<void> {
  const format = query.get('format') ?? 'csv';
  if (!isFormat(format)) return sendError(res, apiError('invalid', `format: must be one of ${EXPORT_FORMATS.join(', ')}`, 'format'));
  const file = await exportAgenda(core.state.agenda, format);
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.body.byteLength,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(file.body);
}
