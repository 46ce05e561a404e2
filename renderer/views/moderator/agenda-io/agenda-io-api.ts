import type { EventOptions, ImportFormat, ImportResponse } from '../../../../shared/agenda-io/import-types';
import { CONFIRM_RUNNING } from '../../../../shared/agenda-io/import-types';
import { API_PREFIX } from '../../../../shared/contract/http';
import { apiError, type ApiError } from '../../../../shared/contract/errors';
import type { DownloadLinks } from '../../../../shared/report/download-links';
import { takeToken } from '../../../app/token';

/** The console's control token (kept in session storage once the page has read it from its link). */
const authHeader = (): Record<string, string> => {
  const token = takeToken('moderator');
  return token ? { authorization: `Bearer ${token}` } : {};
};

export type ImportAnswer = { ok: true; body: ImportResponse } | { ok: false; error: ApiError; body: ImportResponse | null };

/** Sends the file to `POST /api/v1/agenda/import`: a preview, or (`apply`) the import itself. */
export async function sendImport(file: Blob, format: ImportFormat, options: EventOptions, apply: { confirmRunning: boolean } | null): Promise<ImportAnswer> {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(options)) if (value !== undefined && value.trim() !== '') params.set(key, value.trim());
  if (apply) {
    params.set('apply', 'true');
    if (apply.confirmRunning) params.set('confirm', CONFIRM_RUNNING);
  }
  let res: Response;
  try {
    res = await fetch(`${API_PREFIX}/agenda/import?${params}`, {
      method: 'POST',
      headers: { ...authHeader(), 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    return { ok: false, error: apiError('offline', 'the server cannot be reached'), body: null };
  }
  let body: (ImportResponse & { error?: ApiError }) | { error: ApiError } | null;
  try {
    body = (await res.json()) as ImportResponse & { error?: ApiError };
  } catch {
    body = null;
  }
  if (res.ok && body && 'format' in body) return { ok: true, body };
  const error = body?.error ?? apiError('internal', `HTTP ${res.status}`);
  return { ok: false, error, body: body && 'format' in body ? body : null };
}

/** Links to the report and the agenda exports, carrying the read-only view token; null if unavailable. */
export async function fetchDownloadLinks(): Promise<DownloadLinks | null> {
  try {
    const res = await fetch(`${API_PREFIX}/report/links`, { headers: authHeader() });
    return res.ok ? ((await res.json()) as DownloadLinks) : null;
  } catch {
    return null;
  }
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
