import type { EventOptions, ImportFormat, ImportResponse } from '../../../../shared/agenda-io/import-types';
import { CONFIRM_RUNNING } from '../../../../shared/agenda-io/import-types';
import { API_PREFIX } from '../../../../shared/contract/http';
import { apiError, type ApiError } from '../../../../shared/contract/errors';
import type { DownloadLinks } from '../../../../shared/report/download-links';
import { api } from '../../../app/api-client';

export type ImportAnswer = { ok: true; body: ImportResponse } | { ok: false; error: ApiError; body: ImportResponse | null };

const isImportResponse = (body: unknown): body is ImportResponse => typeof body === 'object' && body !== null && 'format' in body;

/** Sends the file to `POST /api/v1/agenda/import`: a preview, or (`apply`) the import itself. */
export async function sendImport(file: Blob, format: ImportFormat, options: EventOptions, apply: { confirmRunning: boolean } | null): Promise<ImportAnswer> {
  const query: Record<string, string> = { format };
  for (const [key, value] of Object.entries(options)) if (value !== undefined && value.trim() !== '') query[key] = value.trim();
  if (apply) {
    query.apply = 'true';
    if (apply.confirmRunning) query.confirm = CONFIRM_RUNNING;
  }
  const answer = await api('agendaImport', { body: file, query });
  if (answer.ok) return isImportResponse(answer.body) ? answer : { ok: false, error: apiError('internal', 'the answer is not an import preview'), body: null };
  // A refused apply answers the preview too, with the error.
  return { ok: false, error: answer.error, body: isImportResponse(answer.body) ? answer.body : null };
}

/** Links to the report and the agenda exports, carrying the read-only view token; null if unavailable. */
export async function fetchDownloadLinks(): Promise<DownloadLinks | null> {
  const answer = await api('reportLinks');
  return answer.ok ? answer.body : null;
}

/** Without links (e.g. before they arrive): the same paths without a token, which work on this computer. */
export const FALLBACK_LINKS: DownloadLinks = {
  report: { html: `${API_PREFIX}/report?format=html`, csv: `${API_PREFIX}/report?format=csv`, json: `${API_PREFIX}/report?format=json&download=1` },
  export: {
    csv: `${API_PREFIX}/agenda/export?format=csv`,
    xlsx: `${API_PREFIX}/agenda/export?format=xlsx`,
    json: `${API_PREFIX}/agenda/export?format=json`,
  },
};

export const withParam = (href: string, key: string, value: string): string => `${href}${href.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
