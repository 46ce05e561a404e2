import { beforeEach, describe, expect, it } from 'vitest';
import { initialState } from '../../../electron/engine/initial-state';
import type { StateStore } from '../../../electron/persistence/state-store';
import { RostrumCore } from '../../../electron/server/core';
import type { RostrumState, StatePatch } from '../../../shared/contract/state';
import type { Instant } from '../../../shared/time/instant';
import { MINUTE, SECOND, T0, later } from '../../builders';
import { fiveItems } from '../engine/engine-builders';

/** An in-memory store that remembers what was saved, and can be told to fail. */
class MemoryStore implements StateStore {
  readonly path = '/memory/state.json';
  saved: RostrumState[] = [];
  failWith: Error | null = null;
  constructor(private readonly log: string[]) {}
  load(): RostrumState | undefined {
    return this.saved.at(-1);
  }
  save(state: RostrumState): void {
    if (this.failWith) throw this.failWith;
    this.log.push(`save r${state.revision}`);
    this.saved.push(structuredClone(state));
  }
}

let t: Instant;
let log: string[];
let store: MemoryStore;
let core: RostrumCore;
let patches: { patch: StatePatch; state: RostrumState }[];

beforeEach(() => {
  t = T0;
  log = [];
  store = new MemoryStore(log);
  core = new RostrumCore(initialState(fiveItems()), store, { now: () => t });
  patches = [];
  core.onPatch((patch, state) => {
    log.push(`broadcast r${patch.revision}`);
    patches.push({ patch, state });
  });
});

/** Sends a command that must be refused; checks nothing was saved, broadcast or changed. */
function refusal(input: unknown, role: 'control' | 'view' | 'booth' | null = 'control') {
  const state = core.state;
  const before = structuredClone(state);
  const savedBefore = store.saved.length;
  const ack = core.execute(input, role);
  expect(ack.ok).toBe(false);
  expect(core.state).toBe(state);
  expect(core.state).toEqual(before);
  expect(store.saved.length).toBe(savedBefore);
  expect(patches).toEqual([]);
  return ack.ok ? undefined : ack.error;
}

describe('an accepted command', () => {
  it('is applied at the injected clock’s time, acknowledged with the new revision', () => {
    t = later(T0, 5 * SECOND);
    const ack = core.execute({ type: 'start' }, 'control');
    expect(ack).toEqual({ ok: true, revision: 1 });
    expect(core.state.revision).toBe(1);
    expect(core.state.clock).toEqual({ status: 'running', currentItemId: 'a', runningSince: t, accumulatedMs: 0, addedMs: 0 });
  });

  it('is saved before any listener hears of it', () => {
    core.onPatch((_patch, state) => {
      // Whatever a listener sees is already on disk.
      expect(store.saved.at(-1)).toEqual(state);
    });
    core.execute({ type: 'start' }, 'control');
    t = later(t, MINUTE);
    core.execute({ type: 'pause' }, 'control');
    expect(log).toEqual(['save r1', 'broadcast r1', 'save r2', 'broadcast r2']);
    expect(store.saved.map((s) => s.revision)).toEqual([1, 2]);
    expect(store.saved[1]?.clock).toMatchObject({ status: 'paused', accumulatedMs: MINUTE });
  });

  it('broadcasts a patch with only the parts that changed', () => {
    core.execute({ type: 'start' }, 'control');
    core.execute({ type: 'message.speaker', text: 'Hello' }, 'control');
    expect(patches).toHaveLength(2);
    const [first, second] = patches;
    expect(first?.patch).toMatchObject({ revision: 1, serverTime: T0, clock: { status: 'running', remainingMs: 600 * SECOND, elapsedMs: 0 } });
    // Of the report, only the entry that changed.
    expect(first?.patch.report).toBeUndefined();
    expect(first?.patch.reportEntries?.['a']?.actualStart).toBe(T0);
    expect(first?.patch.agenda).toBeUndefined();
    expect(first?.patch.messages).toBeUndefined();
    expect(Object.keys(second?.patch ?? {}).sort()).toEqual(['messages', 'revision', 'serverTime']);
    expect(second?.patch.messages?.speaker).toEqual({ text: 'Hello', flash: false, preset: null, sentAt: T0, keepAcrossItems: false });
    expect(second?.state).toBe(core.state);
  });

  it('a listener that unsubscribed hears nothing more', () => {
    let heard = 0;
    const off = core.onPatch(() => {
      heard += 1;
    });
    core.execute({ type: 'start' }, 'control');
    off();
    core.execute({ type: 'pause' }, 'control');
    expect(heard).toBe(1);
    expect(patches).toHaveLength(2);
  });

  it('a listener that throws does not turn the saved command into an error, nor silence the listeners after it', () => {
    const failures: unknown[] = [];
    const guarded = new RostrumCore(initialState(fiveItems()), store, { now: () => t }, (e) => failures.push(e));
    guarded.onPatch(() => {
      throw new Error('OSC target unreachable');
    });
    const after: number[] = [];
    guarded.onPatch((patch) => after.push(patch.revision));
    const ack = guarded.execute({ type: 'start' }, 'control');
    expect(ack).toEqual({ ok: true, revision: 1 });
    expect(guarded.state.clock.runningSince).not.toBeNull();
    expect(store.saved.at(-1)?.revision).toBe(1);
    expect(after).toEqual([1]);
    expect(failures).toHaveLength(1);
    expect((failures[0] as Error).message).toBe('OSC target unreachable');
  });
});

describe('a no-op command', () => {
  it('is acknowledged with the unchanged revision, and neither saved nor broadcast', () => {
    const state = core.state;
    expect(core.execute({ type: 'pause' }, 'control')).toEqual({ ok: true, revision: 0 });
    expect(core.execute({ type: 'previous' }, 'control')).toEqual({ ok: true, revision: 0 });
    expect(core.execute({ type: 'message.clear', target: 'booth' }, 'control')).toEqual({ ok: true, revision: 0 });
    expect(core.state).toBe(state);
    expect(store.saved).toEqual([]);
    expect(patches).toEqual([]);
  });
});

describe('persistence failure', () => {
  it('refuses the command with persist-failed and leaves the state as it was', () => {
    core.execute({ type: 'start' }, 'control');
    patches = [];
    store.failWith = new Error('ENOSPC: no space left on device');
    t = later(t, MINUTE);
    const error = refusal({ type: 'next', expectedItemId: 'a' });
    expect(error).toMatchObject({ code: 'persist-failed', path: '' });
    expect(error?.message).toContain('ENOSPC');
    expect(core.state.revision).toBe(1);
    expect(core.state.clock.currentItemId).toBe('a');
  });

  it('once the store recovers, the same command goes through with the next revision', () => {
    store.failWith = new Error('disk full');
    expect(core.execute({ type: 'start' }, 'control').ok).toBe(false);
    store.failWith = null;
    expect(core.execute({ type: 'start' }, 'control')).toEqual({ ok: true, revision: 1 });
    expect(store.saved.map((s) => s.revision)).toEqual([1]);
  });

  it('flush saves the current state again', () => {
    core.execute({ type: 'start' }, 'control');
    core.flush();
    expect(store.saved.map((s) => s.revision)).toEqual([1, 1]);
  });
});

describe('roles', () => {
  it('no token: unauthorized, whatever the command', () => {
    expect(refusal({ type: 'start' }, null)).toMatchObject({ code: 'unauthorized' });
    expect(refusal({ type: 'nonsense' }, null)).toMatchObject({ code: 'unauthorized' });
  });

  it.each(['view', 'booth'] as const)('%s: forbidden to send control commands', (role) => {
    for (const input of [
      { type: 'start' },
      { type: 'next' },
      { type: 'message.booth', text: 'hi' },
      { type: 'item.update', itemId: 'a', patch: { durationSec: 60 } },
    ]) {
      expect(refusal(input, role)).toMatchObject({ code: 'forbidden', path: 'type' });
    }
  });
});

describe('validation', () => {
  it.each([
    ['a non-integer adjust', { type: 'adjust', seconds: 1.5 }, 'seconds'],
    ['a zero adjust', { type: 'adjust', seconds: 0 }, 'seconds'],
    ['a string adjust', { type: 'adjust', seconds: '60' }, 'seconds'],
    ['an adjust over 4 hours', { type: 'adjust', seconds: 4 * 3600 + 1 }, 'seconds'],
    ['a zero duration in a patch', { type: 'item.update', itemId: 'a', patch: { durationSec: 0 } }, 'patch.durationSec'],
    ['a fractional duration in a patch', { type: 'item.update', itemId: 'a', patch: { durationSec: 1.5 } }, 'patch.durationSec'],
    ['an unknown field in a patch', { type: 'item.update', itemId: 'a', patch: { colour: 'red' } }, 'patch.colour'],
    ['an id in a patch', { type: 'item.update', itemId: 'a', patch: { id: 'b' } }, 'patch.id'],
    ['an unknown field in a command', { type: 'start', force: true }, 'force'],
    ['a missing itemId', { type: 'goto' }, 'itemId'],
    ['an empty itemId', { type: 'goto', itemId: '' }, 'itemId'],
    ['a malformed expectedItemId', { type: 'next', expectedItemId: 'a b' }, 'expectedItemId'],
    ['a non-boolean skipped', { type: 'skip', itemId: 'a', skipped: 'yes' }, 'skipped'],
    ['an item without a title', { type: 'item.insert', sessionId: 'morning', item: { id: 'x', kind: 'talk', language: 'en' } }, 'item.title'],
    ['a non-object command', 'start', ''],
    ['an array command', [{ type: 'start' }], ''],
  ])('refuses %s with invalid, naming %s', (_what, input, path) => {
    expect(refusal(input)).toMatchObject({ code: 'invalid', path });
  });

  it('names a __proto__ key instead of letting it through', () => {
    const input: unknown = JSON.parse('{"type":"adjust","seconds":60,"__proto__":{"isAdmin":true}}');
    expect(refusal(input)).toMatchObject({ code: 'invalid', path: '__proto__' });
    const inPatch: unknown = JSON.parse('{"type":"item.update","itemId":"a","patch":{"__proto__":{"durationSec":1}}}');
    expect(refusal(inPatch)).toMatchObject({ code: 'invalid', path: 'patch.__proto__' });
  });

  it('refuses an unknown or missing type with unknown-command', () => {
    expect(refusal({ type: 'launch' })).toMatchObject({ code: 'unknown-command', path: 'type' });
    expect(refusal({ type: 'toString' })).toMatchObject({ code: 'unknown-command', path: 'type' });
    expect(refusal({ seconds: 60 })).toMatchObject({ code: 'unknown-command', path: 'type' });
  });

  it('validates before the role check, after the token check', () => {
    expect(refusal({ type: 'adjust', seconds: 0 }, 'view')).toMatchObject({ code: 'invalid', path: 'seconds' });
    expect(refusal({ type: 'adjust', seconds: 0 }, null)).toMatchObject({ code: 'unauthorized' });
  });
});

describe('engine refusals through the core', () => {
  it('are returned as errors with their path, nothing saved or broadcast', () => {
    expect(refusal({ type: 'goto', itemId: 'zz' })).toMatchObject({ code: 'unknown-item', path: 'itemId' });
    expect(refusal({ type: 'next', expectedItemId: 'b' })).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
    expect(refusal({ type: 'item.remove', itemId: 'a' })).toMatchObject({ code: 'item-is-current', path: 'itemId' });
  });

  it('a double next with the same expectedItemId moves one item only', () => {
    expect(core.execute({ type: 'next', expectedItemId: 'a' }, 'control')).toEqual({ ok: true, revision: 1 });
    patches = [];
    expect(refusal({ type: 'next', expectedItemId: 'a' })).toMatchObject({ code: 'stale-item' });
    expect(core.state.clock.currentItemId).toBe('b');
  });
});
