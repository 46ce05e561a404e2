import { describe, expect, it } from 'vitest';
import { makePatch, makeSnapshot } from '../../../electron/server/snapshot';
import type { CommandInput } from '../../../shared/contract/commands';
import type { RostrumState, Snapshot, StatePatch } from '../../../shared/contract/state';
import { applyPatch } from '../../../shared/contract/state-sync';
import { instant, type Instant } from '../../../shared/time/instant';
import { at, loadSample } from '../../builders';
import { fresh, send } from '../../electron/engine/engine-builders';

const sample = loadSample();
const T = at('14:00');

/** Sends a command on the server side and returns the patch it would broadcast. */
function step(state: RostrumState, input: CommandInput, now: Instant): { next: RostrumState; patch: StatePatch } {
  const next = send(state, input, now);
  expect(next).not.toBe(state);
  return { next, patch: makePatch(state, next, now) };
}

function applied(local: Snapshot, patch: StatePatch): Snapshot {
  const result = applyPatch(local, patch);
  if (result.kind !== 'applied') throw new Error(`expected the patch to apply, got ${result.kind}`);
  return result.snapshot;
}

describe('applyPatch: which patches apply', () => {
  const s0 = fresh(sample);
  const local = makeSnapshot(s0, T);
  const { patch } = step(s0, { type: 'message.speaker', text: 'Hello' }, T);

  it('applies the next revision', () => {
    expect(patch.revision).toBe(1);
    const result = applyPatch(local, patch);
    expect(result.kind).toBe('applied');
  });

  it('ignores a patch already seen (same or older revision): stale', () => {
    expect(applyPatch({ ...local, revision: 1 }, patch)).toEqual({ kind: 'stale' });
    expect(applyPatch({ ...local, revision: 5 }, patch)).toEqual({ kind: 'stale' });
  });

  it('asks for a snapshot when a revision was missed, or when there is nothing to patch: gap', () => {
    expect(applyPatch(local, { ...patch, revision: 2 })).toEqual({ kind: 'gap' });
    expect(applyPatch(local, { ...patch, revision: 9 })).toEqual({ kind: 'gap' });
    expect(applyPatch(null, patch)).toEqual({ kind: 'gap' });
  });
});

describe('applyPatch: what changes', () => {
  it('folds in the parts the patch carries; the others stay the same objects', () => {
    const s0 = fresh(sample);
    const local = makeSnapshot(s0, T);
    const { next, patch } = step(s0, { type: 'booth.request', booth: 'Booth A', kind: 'slow-down' }, at('14:01'));
    expect(Object.keys(patch).sort()).toEqual(['booth', 'revision', 'serverTime']);
    const snap = applied(local, patch);
    expect(snap.revision).toBe(1);
    expect(snap.serverTime).toBe(at('14:01'));
    expect(snap.booth).toEqual(next.booth);
    expect(snap.booth.requests[0]).toMatchObject({ booth: 'Booth A', kind: 'slow-down', count: 1 });
    for (const part of ['agenda', 'clock', 'messages', 'report', 'display', 'recovery', 'schedule'] as const) {
      expect(snap[part]).toBe(local[part]);
    }
    // The local snapshot is not modified.
    expect(local.revision).toBe(0);
    expect(local.booth.requests).toEqual([]);
  });

  it('folds in display and messages patches', () => {
    const s0 = fresh(sample);
    let snap = makeSnapshot(s0, T);
    const blank = step(s0, { type: 'display.blank', blank: true }, T);
    snap = applied(snap, blank.patch);
    expect(snap.display.speakerBlank).toBe(true);
    const message = step(blank.next, { type: 'message.speaker', text: 'One minute', preset: 'one-minute' }, T);
    snap = applied(snap, message.patch);
    expect(snap.messages.speaker).toEqual({ text: 'One minute', flash: false, preset: 'one-minute', sentAt: T, keepAcrossItems: false });
    expect(snap.display.speakerBlank).toBe(true);
    expect(snap.revision).toBe(2);
  });

  it('a patch that clears the recovery (null) clears it locally', () => {
    let s = fresh(sample);
    s = send(s, { type: 'start' }, at('14:00'));
    s = send(s, { type: 'next' }, at('14:10'));
    const applyStep = step(s, { type: 'recovery.apply' }, at('14:10'));
    const local = makeSnapshot(applyStep.next, at('14:10'));
    expect(local.recovery).not.toBeNull();
    const undo = step(applyStep.next, { type: 'recovery.undo' }, at('14:11'));
    expect(undo.patch.recovery).toBeNull();
    const snap = applied(local, undo.patch);
    expect(snap.recovery).toBeNull();
    expect(snap.agenda).toEqual(sample);
  });

  it('after a sequence of patches, equals a fresh snapshot of the server state', () => {
    let s = fresh(sample);
    let snap = makeSnapshot(s, T);
    const commands: [CommandInput, Instant][] = [
      [{ type: 'start' }, at('14:00')],
      [{ type: 'booth.turn.start', booth: 'Booth A' }, at('14:01')],
      [{ type: 'next' }, at('14:10')],
      [{ type: 'recovery.apply' }, at('14:10')],
      [{ type: 'settings.update', boothMayEditNotes: true }, at('14:11')],
      [{ type: 'booth.notes', itemId: 's1-yoon', scriptReceived: true }, at('14:12')],
    ];
    for (const [input, now] of commands) {
      const { next, patch } = step(s, input, now);
      snap = applied(snap, patch);
      s = next;
      // The clock's derived values (elapsed, remaining) are as of the last patch that carried the
      // clock; clients compute them from its anchors, and project the schedule themselves.
      // Everything else is what a snapshot would say.
      const { clock, schedule: _schedule, ...rest } = makeSnapshot(s, now);
      const { clock: localClock, schedule: _localSchedule, ...localRest } = snap;
      expect(localRest).toEqual(rest);
      expect(localClock).toMatchObject({
        status: clock.status,
        currentItemId: clock.currentItemId,
        runningSince: clock.runningSince,
        accumulatedMs: clock.accumulatedMs,
        addedMs: clock.addedMs,
        durationMs: clock.durationMs,
      });
    }
    expect(snap.revision).toBe(6);
  });
});

describe('a patch carries only the report entries that changed', () => {
  it('after 200 pauses a pause sends one entry, and the client ends with the server report', () => {
    let s = send(fresh(sample), { type: 'start' }, at('14:00'));
    let snap = makeSnapshot(s, at('14:00'));
    const firstPause = step(s, { type: 'pause' }, at('14:00')).patch;
    let t = at('14:00');
    let last: StatePatch = firstPause;
    for (let i = 0; i < 200; i += 1) {
      t = instant(t + 1000);
      const paused = step(s, { type: i % 2 === 0 ? 'pause' : 'resume' }, t);
      snap = applied(snap, paused.patch);
      s = paused.next;
      last = paused.patch;
    }
    expect(last.report).toBeUndefined();
    expect(Object.keys(last.reportEntries ?? {})).toEqual(['open-local-gov']);
    expect(snap.report).toEqual(s.report);
    // Entries the patch does not name stay the client's own objects.
    const other = step(s, { type: 'next' }, instant(t + 1000));
    const after = applied(snap, other.patch);
    for (const id of Object.keys(snap.report)) {
      if (!Object.hasOwn(other.patch.reportEntries ?? {}, id)) expect(after.report[id]).toBe(snap.report[id]);
    }
    expect(after.report).toEqual(other.next.report);
    // A pause's patch stays the size of the day's first, whatever the history.
    expect(JSON.stringify(last).length).toBeLessThanOrEqual(JSON.stringify(firstPause).length * 1.1);
  });

  it('sends the whole report when an entry is removed (a new agenda)', () => {
    let s = send(fresh(sample), { type: 'start' }, at('14:00'));
    s = send(s, { type: 'next' }, at('14:05'));
    const snap = makeSnapshot(s, at('14:05'));
    const { next, patch } = step(s, { type: 'agenda.replace', agenda: sample }, at('14:06'));
    expect(patch.reportEntries).toBeUndefined();
    expect(patch.report).toEqual(next.report);
    expect(applied(snap, patch).report).toEqual(next.report);
  });
});

describe('applyPatch: the schedule', () => {
  it('is left as the last snapshot had it: a display projects for itself (renderer/app/schedule.ts)', () => {
    const s0 = fresh(sample);
    const local = makeSnapshot(s0, at('13:50'));
    const { patch } = step(s0, { type: 'start' }, at('14:05'));
    expect(patch.clock).toBeDefined();
    expect(applied(local, patch).schedule).toBe(local.schedule);
  });
});
