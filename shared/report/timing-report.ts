import type { Agenda } from '../agenda/agenda-schema';
import { elapsedMs } from '../clock/clock-math';
import type { ClockState, ClockStatus } from '../clock/clock-state';
import { anchorOffsetMs } from '../schedule/anchor';
import { buildPlan } from '../schedule/plan';
import { durationMs, timeSince, type DurationMs, type Instant } from '../time/instant';
import { recordOf, type Report } from './report-types';

/**
 * The post-event timing report (docs/agenda-format.md, "Timing report"): per item what was planned
 * and what happened, with totals per session and for the event. Pure: built from the state and an
 * injected `now` (which only matters for an item still running or paused).
 */

/**
 * - `done`: it ran and was left (or the event ended);
 * - `current`: it is running or paused now (its end is not known yet);
 * - `not-reached`: never started (passed over, or the event has not got there);
 * - `skipped`: marked skipped. Neither of the last two counts in the totals.
 */
export const REPORT_STATUSES = ['done', 'current', 'not-reached', 'skipped'] as const;
export type ReportItemStatus = (typeof REPORT_STATUSES)[number];

export interface ReportPause {
  from: Instant;
  /** Null while still paused. */
  to: Instant | null;
  durationMs: DurationMs;
}

export interface ReportItem {
  itemId: string;
  sessionId: string;
  /** 1-based position in the whole agenda. */
  number: number;
  title: string;
  speaker: string;
  speakerLocal: string;
  organisation: string;
  kind: string;
  language: string;
  status: ReportItemStatus;
  plannedStart: Instant;
  plannedEnd: Instant;
  plannedDurationMs: DurationMs;
  /** False when the item has no duration of its own (its planned time is a share of the session). */
  timed: boolean;
  actualStart: Instant | null;
  actualEnd: Instant | null;
  /** Running time, pauses excluded. Null when it never ran. */
  actualDurationMs: DurationMs | null;
  /** Actual minus planned duration: positive = over, negative = under. Null when it never ran. */
  overUnderMs: DurationMs | null;
  /** Time the moderator added (+) or took away (−). */
  addedMs: DurationMs;
  pauses: ReportPause[];
  pausedMs: DurationMs;
  /** Its start, or its end, was an automatic transition (scheduled start, auto-advance), not a person. */
  startedAutomatically: boolean;
  endedAutomatically: boolean;
}

export interface ReportTotals {
  plannedStart: Instant | null;
  plannedEnd: Instant | null;
  actualStart: Instant | null;
  actualEnd: Instant | null;
  /** Actual end minus planned end; positive = late. Null until something has ended. */
  endDriftMs: DurationMs | null;
  /** Over the items that ran (done or current) only. */
  plannedDurationMs: DurationMs;
  actualDurationMs: DurationMs;
  overUnderMs: DurationMs;
  addedMs: DurationMs;
  pausedMs: DurationMs;
  ran: number;
  notReached: number;
  skipped: number;
}

export interface ReportSession {
  sessionId: string;
  title: string;
  moderator: string;
  items: ReportItem[];
  totals: ReportTotals;
}

export interface TimingReport {
  generatedAt: Instant;
  title: string;
  date: string;
  venue: string;
  timezone: string;
  extraTimezones: string[];
  clockStatus: ClockStatus;
  /** How far planned times were shifted (an event run on another date than its agenda's). */
  anchorOffsetMs: number;
  sessions: ReportSession[];
  totals: ReportTotals;
  /** Listed apart, in agenda order; not in any totals. */
  notReached: ReportItem[];
  skipped: ReportItem[];
}

export interface ReportInput {
  agenda: Agenda;
  clock: ClockState;
  report: Report;
}

const minOf = (values: (Instant | null)[]): Instant | null =>
  values.reduce<Instant | null>((m, v) => (v !== null && (m === null || v < m) ? v : m), null);
const maxOf = (values: (Instant | null)[]): Instant | null =>
  values.reduce<Instant | null>((m, v) => (v !== null && (m === null || v > m) ? v : m), null);

function totalsOf(items: ReportItem[], plannedStart: Instant | null, plannedEnd: Instant | null): ReportTotals {
  const ran = items.filter((i) => i.status === 'done' || i.status === 'current');
  const sum = (f: (i: ReportItem) => number) => durationMs(ran.reduce((s, i) => s + f(i), 0));
  const actualEnd = ran.some((i) => i.status === 'current') ? null : maxOf(ran.map((i) => i.actualEnd));
  return {
    plannedStart,
    plannedEnd,
    actualStart: minOf(ran.map((i) => i.actualStart)),
    actualEnd,
    endDriftMs: actualEnd !== null && plannedEnd !== null ? timeSince(plannedEnd, actualEnd) : null,
    plannedDurationMs: sum((i) => i.plannedDurationMs),
    actualDurationMs: sum((i) => i.actualDurationMs ?? 0),
    overUnderMs: sum((i) => i.overUnderMs ?? 0),
    addedMs: sum((i) => i.addedMs),
    pausedMs: sum((i) => i.pausedMs),
    ran: ran.length,
    notReached: items.filter((i) => i.status === 'not-reached').length,
    skipped: items.filter((i) => i.status === 'skipped').length,
  };
}

export function buildTimingReport({ agenda, clock, report }: ReportInput, now: Instant): TimingReport {
  const offset = anchorOffsetMs(agenda, report);
  const plan = buildPlan(agenda, offset);
  const planned = new Map(plan.items.map((p) => [p.itemId, p]));
  let number = 0;

  const sessions: ReportSession[] = agenda.sessions.map((session) => {
    const items: ReportItem[] = session.items.map((item) => {
      number += 1;
      const p = planned.get(item.id)!;
      const rec = recordOf(report, item.id);
      const isCurrent = clock.status !== 'ended' && clock.currentItemId === item.id;
      const started = rec?.actualStart != null;
      const status: ReportItemStatus = item.skipped ? 'skipped' : !started ? 'not-reached' : isCurrent ? 'current' : 'done';
      const ran = status === 'done' || status === 'current';
      // The current item's record is brought up to date only when it is left: read the clock.
      const actualDurationMs = !ran ? null : isCurrent ? elapsedMs(clock, now) : rec!.elapsedMs;
      const addedMs = isCurrent ? clock.addedMs : (rec?.addedMs ?? durationMs(0));
      const pauses: ReportPause[] = (rec?.pauses ?? []).map((x) => ({ from: x.from, to: x.to, durationMs: durationMs(Math.max(0, (x.to ?? now) - x.from)) }));
      return {
        itemId: item.id,
        sessionId: session.id,
        number,
        title: item.title,
        speaker: item.speaker.name,
        speakerLocal: item.speaker.localName,
        organisation: item.speaker.organisation,
        kind: item.kind,
        language: item.language,
        status,
        plannedStart: p.plannedStart,
        plannedEnd: p.plannedEnd,
        plannedDurationMs: p.plannedDurationMs,
        timed: item.durationSec !== undefined,
        actualStart: ran ? rec!.actualStart : null,
        actualEnd: status === 'done' ? (rec!.actualEnd ?? null) : null,
        actualDurationMs,
        overUnderMs: actualDurationMs === null ? null : durationMs(actualDurationMs - p.plannedDurationMs),
        addedMs: ran ? addedMs : durationMs(0),
        pauses: ran ? pauses : [],
        pausedMs: durationMs(ran ? pauses.reduce((s, x) => s + x.durationMs, 0) : 0),
        startedAutomatically: ran && rec?.startedAutomatically === true,
        endedAutomatically: status === 'done' && rec?.endedAutomatically === true,
      };
    });
    const ps = plan.sessions.find((s) => s.sessionId === session.id);
    return {
      sessionId: session.id,
      title: session.title,
      moderator: session.moderator,
      items,
      totals: totalsOf(items, ps?.plannedStart ?? null, ps?.plannedEnd ?? null),
    };
  });

  const all = sessions.flatMap((s) => s.items);
  return {
    generatedAt: now,
    title: agenda.title,
    date: agenda.date,
    venue: agenda.venue,
    timezone: agenda.timezone,
    extraTimezones: agenda.extraTimezones,
    clockStatus: clock.status,
    anchorOffsetMs: offset,
    sessions,
    totals: totalsOf(all, minOf(plan.sessions.map((s) => s.plannedStart)), plan.plannedEnd),
    notReached: all.filter((i) => i.status === 'not-reached'),
    skipped: all.filter((i) => i.status === 'skipped'),
  };
}
