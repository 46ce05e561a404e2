import type { ClockStatus } from '../clock/clock-state';
import type { RoomName } from '../contract/rooms';
import type { Instant } from '../time/instant';
import { buildTimingReport, type ReportInput, type ReportTotals } from './timing-report';

/** One room's row of the event report: its own report's totals. */
export interface EventReportRoom {
  roomId: string;
  name: RoomName;
  title: string;
  timezone: string;
  clockStatus: ClockStatus;
  totals: ReportTotals;
}

/** The event report (#18): a row per room, planned against actual, over and under, and the event's sums. */
export interface EventReport {
  generatedAt: Instant;
  rooms: EventReportRoom[];
  totals: { plannedDurationMs: number; actualDurationMs: number; overUnderMs: number; ran: number; notReached: number; skipped: number };
}

/** Each room's timing report (shared/report/timing-report.ts) as one row, in the rooms' order. */
export function buildEventReport(rooms: readonly { id: string; name: RoomName; state: ReportInput }[], now: Instant): EventReport {
  const rows = rooms.map(({ id, name, state }): EventReportRoom => {
    const report = buildTimingReport(state, now);
    return { roomId: id, name, title: report.title, timezone: report.timezone, clockStatus: report.clockStatus, totals: report.totals };
  });
  const sum = (pick: (t: ReportTotals) => number) => rows.reduce((n, r) => n + pick(r.totals), 0);
  return {
    generatedAt: now,
    rooms: rows,
    totals: {
      plannedDurationMs: sum((t) => t.plannedDurationMs),
      actualDurationMs: sum((t) => t.actualDurationMs),
      overUnderMs: sum((t) => t.overUnderMs),
      ran: sum((t) => t.ran),
      notReached: sum((t) => t.notReached),
      skipped: sum((t) => t.skipped),
    },
  };
}
