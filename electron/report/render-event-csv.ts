import { serialiseCsv } from '../../shared/agenda-io/csv';
import { neutraliseFormula } from '../../shared/agenda-io/csv-formula';
import type { EventReport } from '../../shared/report/event-report';
import { dateTimeText, durationText } from './report-format';

export const EVENT_REPORT_CSV_COLUMNS = [
  'row_type',
  'room_id',
  'room_en',
  'room_zh',
  'title',
  'clock_status',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'planned_duration',
  'actual_duration',
  'over_under',
  'ran',
  'not_reached',
  'skipped',
  'planned_duration_sec',
  'actual_duration_sec',
  'over_under_sec',
] as const;
type Column = (typeof EVENT_REPORT_CSV_COLUMNS)[number];

const sec = (ms: number) => (Math.round(ms / 100) / 10).toFixed(1);
const signed = (ms: number) => `${ms < 0 ? '-' : '+'}${durationText(Math.abs(ms))}`;

/**
 * The event report as CSV: one row per room (times in that room's zone, `YYYY-MM-DD HH:MM:SS`),
 * then one for the event. Names and titles are neutralised against formulas, as in the room report.
 */
export function renderEventReportCsv(report: EventReport): string {
  const rows: string[][] = [[...EVENT_REPORT_CSV_COLUMNS]];
  const push = (cells: Partial<Record<Column, string>>) => rows.push(EVENT_REPORT_CSV_COLUMNS.map((c) => (c === 'over_under' ? (cells[c] ?? '') : neutraliseFormula(cells[c] ?? ''))));
  const durations = (t: { plannedDurationMs: number; actualDurationMs: number; overUnderMs: number; ran: number; notReached: number; skipped: number }) => ({
    planned_duration: durationText(t.plannedDurationMs),
    actual_duration: durationText(t.actualDurationMs),
    over_under: signed(t.overUnderMs),
    ran: String(t.ran),
    not_reached: String(t.notReached),
    skipped: String(t.skipped),
    planned_duration_sec: sec(t.plannedDurationMs),
    actual_duration_sec: sec(t.actualDurationMs),
    over_under_sec: sec(t.overUnderMs),
  });
  for (const room of report.rooms) {
    const t = room.totals;
    push({
      row_type: 'room',
      room_id: room.roomId,
      room_en: room.name.en,
      room_zh: room.name.zh,
      title: room.title,
      clock_status: room.clockStatus,
      planned_start: dateTimeText(t.plannedStart, room.timezone),
      planned_end: dateTimeText(t.plannedEnd, room.timezone),
      actual_start: dateTimeText(t.actualStart, room.timezone),
      actual_end: dateTimeText(t.actualEnd, room.timezone),
      ...durations(t),
    });
  }
  push({ row_type: 'event', ...durations(report.totals) });
  return serialiseCsv(rows);
}
