import type { ReportFormat } from '../../shared/agenda-io/import-types';
import type { RostrumState } from '../../shared/contract/state';
import { buildTimingReport } from '../../shared/report/timing-report';
import type { Instant } from '../../shared/time/instant';
import { renderReportCsv } from './render-csv';
import { renderReportHtml } from './render-html';
import type { ReportLanguage } from '../../shared/i18n/report';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The timing report as of `now` as a file: what `GET /api/v1/report` serves and File ▸ Export report… saves. */
export function reportFile(state: RostrumState, now: Instant, format: ReportFormat, lang: ReportLanguage): { body: Buffer; contentType: string; fileName: string } {
  const timing = buildTimingReport(state, now);
  const text = format === 'csv' ? renderReportCsv(timing) : format === 'json' ? `${JSON.stringify(timing, null, 2)}\n` : renderReportHtml(timing, lang);
  return { body: Buffer.from(text, 'utf8'), contentType: CONTENT_TYPES[format], fileName: `timing-report-${timing.date}.${format}` };
}
