import { recordOf, type ItemRecord, type Report } from '../report/report-types';
import { STATE_PARTS, type ReportEntryPatch, type Snapshot, type StatePatch } from './state';

export type PatchResult =
  | { kind: 'applied'; snapshot: Snapshot }
  /** A revision was missed: ask for a snapshot (`state:request`). */
  | { kind: 'gap' }
  /** Already seen (e.g. a patch that raced a fresh snapshot): ignore. */
  | { kind: 'stale' };

/**
 * How a client folds a `state:patch` into the snapshot it holds. Each accepted change bumps the
 * revision by one, so anything but `revision + 1` means a patch was missed. Parts the patch does not
 * carry are shared with the previous snapshot; `reportEntries` replace only the report entries they
 * name (the others stay the same objects), each after the pauses the client already has. The snapshot's `schedule` is the
 * server's as of the last snapshot: a display projects for itself, once, as time passes
 * (renderer/app/schedule.ts).
 */
export function applyPatch(local: Snapshot | null, patch: StatePatch): PatchResult {
  if (local === null) return { kind: 'gap' };
  if (patch.revision <= local.revision) return { kind: 'stale' };
  if (patch.revision !== local.revision + 1) return { kind: 'gap' };
  const next: Snapshot = { ...local, revision: patch.revision, serverTime: patch.serverTime };
  for (const part of STATE_PARTS) {
    if (patch[part] !== undefined) Object.assign(next, { [part]: patch[part] });
  }
  if (patch.reportEntries !== undefined) next.report = withEntries(next.report, patch.reportEntries);
  return { kind: 'applied', snapshot: next };
}

/** The report with the patched entries replaced: each keeps its own pauses before `pausesFrom`. */
function withEntries(report: Report, entries: Record<string, ReportEntryPatch>): Report {
  const changed = Object.entries(entries).map(([id, { pausesFrom, pauses, ...rest }]): [string, ItemRecord] => {
    const kept = recordOf(report, id)?.pauses.slice(0, pausesFrom) ?? [];
    return [id, { ...rest, pauses: [...kept, ...pauses] }];
  });
  // fromEntries defines own properties: an item called "__proto__" stays an entry.
  return { ...report, ...Object.fromEntries(changed) };
}
