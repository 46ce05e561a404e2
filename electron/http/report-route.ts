import { REPORT_FORMATS, type ReportFormat } from '../../shared/agenda-io/import-types';
import { apiError } from '../../shared/contract/errors';
import { buildTimingReport } from '../../shared/report/timing-report';
import { renderReportCsv } from '../report/render-csv';
import { renderReportHtml } from '../report/render-html';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report/report-strings';
import { REPORT_CSP } from '../report/report-style';
import { sendError } from '../server/http-util';
import type { Handler } from './route-context';

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
export const report: Handler<'report'> = ({ res, url, ctx, answer }) => {
  const query = url.searchParams;
  const format = query.get('format') ?? 'html';
  if (!isFormat(format)) return sendError(res, apiError('invalid', `format: must be one of ${REPORT_FORMATS.join(', ')}`, 'format'));
  const lang = query.get('lang') ?? 'en';
  if (!isLanguage(lang)) return sendError(res, apiError('invalid', `lang: must be one of ${REPORT_LANGUAGES.join(', ')}`, 'lang'));
  const timing = buildTimingReport(ctx.core.state, ctx.core.clock.now());
  const download = query.get('download') === '1' || query.get('download') === 'true';
  if (format === 'json' && !download) return answer(timing);

  const text = format === 'csv' ? renderReportCsv(timing) : format === 'json' ? `${JSON.stringify(timing, null, 2)}\n` : renderReportHtml(timing, lang);
  const body = Buffer.from(text, 'utf8');
  const fileName = `timing-report-${timing.date}.${format}`;
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
};
