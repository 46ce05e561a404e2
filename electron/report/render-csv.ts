import { serialiseCsv } from '../../shared/agenda-io/csv';
import { neutraliseFormula } from '../../shared/agenda-io/csv-formula';
import type { ReportItem, ReportTotals, TimingReport } from '../../shared/report/timing-report';
import { dateTimeText, durationText } from './report-format';

export const REPORT_CSV_COLUMNS = [
  'row_type',
  'session_id',
  'session',
  'number',
  'item_id',
  'title',
  'speaker',
  'status',
  'planned_start',
  'planned_end',
  'planned_duration',
  'actual_start',
  'actual_end',
  'actual_duration',
  'over_under',
  'added',
  'paused',
  'pauses',
  'planned_duration_sec',
  'actual_duration_sec',
  'over_under_sec',
  'added_sec',
  'paused_sec',
  // `automatic` when the item's start (or end) was an automatic transition, not a person.
  'started_by',
  'ended_by',
] as const;
type CsvColumn = (typeof REPORT_CSV_COLUMNS)[number];

/** Columns whose leading sign is data (`+1:30`, `-0:45`): written as they are. Every other text cell is neutralised. */
const SIGNED_COLUMNS: ReadonlySet<CsvColumn> = new Set(['over_under', 'added']);

const sec = (ms: number | null) => (ms === null ? '' : (Math.round(ms / 100) / 10).toFixed(1));
const signed = (ms: number | null) => (ms === null ? '' : `${ms < 0 ? '-' : '+'}${durationText(Math.abs(ms))}`);

/**
 * The report as CSV: one row per item, then one per session total and one for the event. Times
 * are `YYYY-MM-DD HH:MM:SS` in the event's primary zone; durations as `m:ss` and in seconds.
 */
export function renderReportCsv(report: TimingReport): string {
  const zone = report.timezone;
  const rows: string[][] = [[...REPORT_CSV_COLUMNS]];
  // Titles and names come from the agenda: a cell that would run as a formula gets a leading ' (csv-formula.ts).
  const push = (cells: Partial<Record<CsvColumn, string>>) =>
    rows.push(REPORT_CSV_COLUMNS.map((c) => (SIGNED_COLUMNS.has(c) ? (cells[c] ?? '') : neutraliseFormula(cells[c] ?? ''))));
  const durations = (t: { plannedDurationMs: number; actualDurationMs: number | null; overUnderMs: number | null; addedMs: number; pausedMs: number }) => ({
    planned_duration: durationText(t.plannedDurationMs),
    actual_duration: durationText(t.actualDurationMs),
    over_under: signed(t.overUnderMs),
    added: t.addedMs === 0 ? '' : signed(t.addedMs),
    paused: t.pausedMs === 0 ? '' : durationText(t.pausedMs),
    planned_duration_sec: sec(t.plannedDurationMs),
    actual_duration_sec: sec(t.actualDurationMs),
    over_under_sec: sec(t.overUnderMs),
    added_sec: sec(t.addedMs),
    paused_sec: sec(t.pausedMs),
  });
  const totals = (t: ReportTotals) => ({
    planned_start: dateTimeText(t.plannedStart, zone),
    planned_end: dateTimeText(t.plannedEnd, zone),
    actual_start: dateTimeText(t.actualStart, zone),
    actual_end: dateTimeText(t.actualEnd, zone),
    ...durations(t),
  });
  const item = (i: ReportItem, session: string) => ({
    row_type: 'item',
    session_id: i.sessionId,
    session,
    number: String(i.number),
    item_id: i.itemId,
    title: i.title,
    speaker: i.speaker || i.speakerLocal,
    status: i.status,
    planned_start: dateTimeText(i.plannedStart, zone),
    planned_end: dateTimeText(i.plannedEnd, zone),
    actual_start: dateTimeText(i.actualStart, zone),
    actual_end: dateTimeText(i.actualEnd, zone),
    pauses: i.pauses.length === 0 ? '' : String(i.pauses.length),
    ...durations(i),
    started_by: i.startedAutomatically ? 'automatic' : '',
    ended_by: i.endedAutomatically ? 'automatic' : '',
  });
  for (const s of report.sessions) {
    for (const i of s.items) push(item(i, s.title));
    push({ row_type: 'session-total', session_id: s.sessionId, session: s.title, ...totals(s.totals) });
  }
  push({ row_type: 'event-total', session: report.title, ...totals(report.totals) });
  return serialiseCsv(rows);
}
