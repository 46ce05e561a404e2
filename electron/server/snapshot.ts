import { clockView } from '../../shared/clock/clock-view';
import { STATE_PARTS, type ReportEntryPatch, type RostrumState, type Snapshot, type StatePatch } from '../../shared/contract/state';
import { projectSchedule } from '../../shared/schedule/projection';
import type { Role } from '../../shared/contract/roles';
import { recordOf, type ItemRecord, type PauseRecord, type Report } from '../../shared/report/report-types';
import type { Instant } from '../../shared/time/instant';

export function makeSnapshot(state: RostrumState, now: Instant, startupWarning: string | null = null): Snapshot {
  return {
    revision: state.revision,
    serverTime: now,
    agenda: state.agenda,
    clock: clockView(state.clock, state.agenda, now, state.report),
    messages: state.messages,
    report: state.report,
    display: state.display,
    booth: state.booth,
    recovery: state.recovery,
    timing: state.timing,
    aux: state.aux,
    schedule: projectSchedule(state, now),
    ...(startupWarning === null ? {} : { startupWarning }),
  };
}

/**
 * The start-up warning names files in the data dir: only the moderator console (control) needs it,
 * so every other reader gets none, and learns no path.
 */
export const startupWarningFor = (core: { startupWarning: string | null }, role: Role | null): string | null =>
  role === 'control' ? core.startupWarning : null;

/**
 * Only what changed goes out: the engine replaces exactly the parts it changes, so a reference
 * comparison finds them. The clock view depends on the agenda (the item's duration), so it goes
 * with agenda changes too. Of the report, which grows with the day's history, only the entries
 * that changed go (`reportEntries`), unless one was removed: then the whole report.
 */
export function makePatch(prev: RostrumState, next: RostrumState, now: Instant): StatePatch {
  const patch: StatePatch = { revision: next.revision, serverTime: now };
  for (const part of STATE_PARTS) {
    if (part === 'clock' || part === 'report') continue;
    if (prev[part] !== next[part]) Object.assign(patch, { [part]: next[part] });
  }
  if (prev.clock !== next.clock || prev.agenda !== next.agenda) patch.clock = clockView(next.clock, next.agenda, now, next.report);
  if (prev.report !== next.report) {
    const changed = changedEntries(prev.report, next.report);
    if (changed === null) patch.report = next.report;
    else patch.reportEntries = changed;
  }
  return patch;
}

/** The entries of `next` that are new or replaced; null when an entry of `prev` is gone. */
function changedEntries(prev: Report, next: Report): Record<string, ReportEntryPatch> | null {
  for (const id of Object.keys(prev)) if (!Object.hasOwn(next, id)) return null;
  const changed: [string, ReportEntryPatch][] = [];
  for (const [id, record] of Object.entries(next)) {
    const before = recordOf(prev, id);
    if (before !== record) changed.push([id, entryPatch(before?.pauses ?? [], record)]);
  }
  // fromEntries defines own properties: an item called "__proto__" stays an entry.
  return Object.fromEntries(changed);
}

/** The record with its pauses cut to those after the prefix it shares with `before`. */
function entryPatch(before: readonly PauseRecord[], record: ItemRecord): ReportEntryPatch {
  let same = 0;
  const max = Math.min(before.length, record.pauses.length);
  while (same < max && samePause(before[same]!, record.pauses[same]!)) same += 1;
  return { ...record, pausesFrom: same, pauses: record.pauses.slice(same) };
}

const samePause = (a: PauseRecord, b: PauseRecord) => a === b || (a.from === b.from && a.to === b.to);
