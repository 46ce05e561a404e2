import { REPORT_FORMATS, type ReportFormat } from '../../shared/agenda-io/import-types';
import { apiError } from '../../shared/contract/errors';
import { buildTimingReport } from '../../shared/report/timing-report';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../shared/i18n/report';
import { sendError } from '../server/http-util';
import type { Handler } from './route-context';

const isFormat = (v: string): v is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(v);
const isLanguage = (v: string): v is ReportLanguage => (REPORT_LANGUAGES as readonly string[]).includes(v);

/**
 * `GET /api/v1/report?format=csv|json|html[&lang=en|zh][&download=1]`: the timing report as of now.
 * The HTML page carries its own Content-Security-Policy (report-style.ts).
 */
export const report: Handler<'report'> = async ({ res, url, ctx, answer }) => {
  const query = url.searchParams;
  const format = query.get('format') ?? 'html';
  if (!isFormat(format)) return sendError(res, apiError('invalid', `format: must be one of ${REPORT_FORMATS.join(', ')}`, 'format'));
  const lang = query.get('lang') ?? 'en';
  if (!isLanguage(lang)) return sendError(res, apiError('invalid', `lang: must be one of ${REPORT_LANGUAGES.join(', ')}`, 'lang'));
  const download = query.get('download') === '1' || query.get('download') === 'true';
  if (format === 'json' && !download) return answer(buildTimingReport(ctx.core.state, ctx.core.clock.now()));
  const state = ctx.core.state;
  const now = ctx.core.clock.now();
  // The renderers load on the first report file, not with the server (bench: server RSS).
  const [{ reportFile }, { REPORT_CSP }] = await Promise.all([import('../report/report-file'), import('../report/report-style')]);
  const { body, contentType, fileName } = reportFile(state, now, format, lang);
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': body.byteLength,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(format === 'html' ? { 'content-security-policy': REPORT_CSP, 'x-frame-options': 'DENY' } : {}),
    ...(format === 'csv' || download ? { 'content-disposition': `attachment; filename="${fileName}"` } : {}),
  });
  res.end(body);
};
