import type { ServerResponse } from 'node:http';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/agenda-io/import-types';
import { apiError } from '../../shared/contract/errors';
import { buildTimingReport } from '../../shared/report/timing-report';
import type { RostrumCore } from '../server/core';
import { sendError, sendJson } from '../server/http-util';
import { renderReportCsv } from './render-csv';
import { renderReportHtml } from './render-html';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../shared/i18n/report';
import { REPORT_CSP } from './report-style';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const isFormat = (v: string): v is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(v);
const isLanguage = (v: string): v is ReportLanguage => (REPORT_LANGUAGES as readonly string[]).includes(v);

/**
 * `GET /api/v1/report?format=csv|json|html[&lang=en|zh][&download=1]`: the timing report as of now.
 * The HTML page carries its own Content-Security-Policy (report-style.ts).
 */
export function handleReport(res: ServerResponse, query: URLSearchParams, core: RostrumCore): void {
  const format = query.get('format') ?? 'html';
  if (!isFormat(format)) return sendError(res, apiError('invalid', `format: must be one of ${REPORT_FORMATS.join(', ')}`, 'format'));
  const lang = query.get('lang') ?? 'en';
  if (!isLanguage(lang)) return sendError(res, apiError('invalid', `lang: must be one of ${REPORT_LANGUAGES.join(', ')}`, 'lang'));
  const report = buildTimingReport(core.state, core.clock.now());
  const download = query.get('download') === '1' || query.get('download') === 'true';
  if (format === 'json' && !download) return sendJson(res, 200, report);

  const text = format === 'csv' ? renderReportCsv(report) : format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderReportHtml(report, lang);
  const body = Buffer.from(text, 'utf8');
  const fileName = `timing-report-${report.date}.${format}`;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[format],
    'content-length': body.byteLength,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(format === 'html' ? { 'content-security-policy': REPORT_CSP, 'x-frame-options': 'DENY' } : {}),
    ...(format === 'csv' || download ? { 'content-disposition': `attachment; filename="${fileName}"` } : {}),
  });
  res.end(body);
}
