import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RostrumState } from '../../../shared/contract/state';
import { instant } from '../../../shared/time/instant';
import { initialState } from '../../../electron/engine/initial-state';
import { fileStateStore } from '../../../electron/persistence/file-store';
import type { StateStore } from '../../../electron/persistence/state-store';
import { moveItemAcross } from '../../../electron/rooms/move-item';
import { openRooms } from '../../../electron/rooms/open-rooms';
import { RostrumCore } from '../../../electron/server/core';
import { T0, makeAgenda, makeItem, makeSession, ran } from '../../builders';

/**
 * Moving an item between rooms (#18) over two state files, each replaced atomically: both files hold
 * the move or neither does, with a save that fails at each step, and a stop between the two saves
 * settled at the next start. The files are real (a temp data dir); only the failure is injected.
 */
const clock = { now: () => T0 };
const tokens = { control: 'c'.repeat(24), booth: 'b'.repeat(24), view: 'v'.repeat(24) };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Which rooms' saves fail (by folder), switched by the test. */
const failing = new Set<string>();
const store = (dir: string): StateStore => {
  const real = fileStateStore(dir);
  return {
    path: real.path,
    load: () => real.load(),
    save: (state: RostrumState) => {
      if ([...failing].some((f) => dir.endsWith(f))) throw new Error('disk full');
      real.save(state);
    },
  };
};

function open(dataDir: string) {
  const mainStore = store(dataDir);
  const main = new RostrumCore(mainStore.load() ?? initialState(makeAgenda({ sessions: [makeSession({ id: 'plenary', items: [makeItem({ id: 'p1' })] })] })), mainStore, clock);
  return openRooms({ dataDir, main, clock, now: new Date(T0), openStateStore: store, stateFilePath: (dir) => join(dir, 'state.json'), venueTokens: () => tokens });
}

/** A data dir with `main` and room `b`; main's item `talk` has notes and a report entry. */
function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'rostrum-move-'));
  dirs.push(dataDir);
  const { registry } = open(dataDir);
  const main = registry.core('main')!;
  main.execute({ type: 'item.insert', sessionId: 'plenary', item: makeItem({ id: 'talk', notes: 'bring the slides' }) }, 'control');
  expect(registry.add({ id: 'b', name: { en: 'Breakout B', zh: '分会场 B' } }).ok).toBe(true);
  const b = registry.core('b')!;
  b.execute({ type: 'agenda.replace', agenda: makeAgenda({ sessions: [makeSession({ id: 'afternoon', items: [makeItem({ id: 'b1' })] })] }) }, 'control');
  // A report entry for `talk`, as if it had run: written as the engine keeps it.
  const withRecord = { ...main.state, report: { ...main.state.report, talk: ran(T0, instant(T0 + 60_000)) } };
  main.saveAhead(withRecord);
  main.adopt(withRecord, 'control');
  return { dataDir, registry };
}

const itemIds = (state: RostrumState) => state.agenda.sessions.flatMap((s) => s.items.map((i) => i.id));
const onDisk = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { state: RostrumState }).state;

describe('moving an item to another room', () => {
  afterEach(() => failing.clear());

  it('moves the item with its id, notes and report entry; both files hold it', () => {
    const { dataDir, registry } = setUp();
    const moved = moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'afternoon', beforeItemId: 'b1' });
    expect(moved.ok).toBe(true);
    const b = registry.core('b')!.state;
    expect(itemIds(b)).toEqual(['talk', 'b1']);
    expect(b.agenda.sessions[0]!.items[0]!.notes).toBe('bring the slides');
    expect(b.report['talk']?.actualStart).toBe(T0);
    expect(itemIds(registry.core('main')!.state)).toEqual(['p1']);
    expect(registry.core('main')!.state.report['talk']).toBeUndefined();
    expect(itemIds(onDisk(join(dataDir, 'rooms', 'b', 'state.json')))).toEqual(['talk', 'b1']);
    expect(itemIds(onDisk(join(dataDir, 'state.json')))).toEqual(['p1']);
    expect(registry.pendingMove).toBeNull();
  });

  it('refuses the current item of a running clock, naming why; nothing changes', () => {
    const { registry } = setUp();
    const main = registry.core('main')!;
    main.execute({ type: 'goto', itemId: 'talk' }, 'control');
    main.execute({ type: 'start' }, 'control');
    const before = [main.state.revision, registry.core('b')!.state.revision];
    const moved = moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'afternoon' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'item-is-current', path: 'itemId' } });
    if (!moved.ok) expect(moved.error.message).toContain('is the current item of room "main" (its clock is running)');
    expect([main.state.revision, registry.core('b')!.state.revision]).toEqual(before);
  });

  it('names the wrong field: an unknown room, an unknown session', () => {
    const { registry } = setUp();
    expect(moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'nowhere', toSessionId: 'afternoon' })).toMatchObject({ ok: false, error: { code: 'not-found', path: 'toRoom' } });
    const noSession = moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'evening' });
    expect(noSession).toMatchObject({ ok: false, error: { code: 'unknown-session', path: 'toSessionId', message: 'toSessionId: no session "evening" (room "b")' } });
    expect(moveItemAcross(registry, 'main', { itemId: 'talk', toSessionId: 'afternoon' })).toMatchObject({ ok: false, error: { path: 'toRoom' } });
  });

  it("a failed save of the target changes neither room", () => {
    const { dataDir, registry } = setUp();
    failing.add(join('rooms', 'b'));
    const moved = moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'afternoon' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'persist-failed' } });
    expect(itemIds(registry.core('main')!.state)).toEqual(['p1', 'talk']);
    expect(itemIds(registry.core('b')!.state)).toEqual(['b1']);
    expect(itemIds(onDisk(join(dataDir, 'rooms', 'b', 'state.json')))).toEqual(['b1']);
    expect(registry.pendingMove).toBeNull();
  });

  it('a failed save of the source writes the target back: neither room changes, in memory or on disk', () => {
    const { dataDir, registry } = setUp();
    failing.add(dataDir);
    const moved = moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'afternoon' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'persist-failed' } });
    if (!moved.ok) expect(moved.error.message).toContain('both rooms are unchanged');
    expect(itemIds(registry.core('main')!.state)).toEqual(['p1', 'talk']);
    expect(itemIds(registry.core('b')!.state)).toEqual(['b1']);
    expect(itemIds(onDisk(join(dataDir, 'rooms', 'b', 'state.json')))).toEqual(['b1']);
    expect(registry.pendingMove).toBeNull();
  });

  it('rooms-move-half-saved: a stop between the two saves (the write-back failed too) is settled at the next start: the item stays in its first room only', () => {
    const { dataDir, registry } = setUp();
    // The source fails, then the target's write-back fails: as if the process died between them.
    failing.add(dataDir);
    const targetStore = join('rooms', 'b');
    const realSave = registry.core('b')!.saveAhead.bind(registry.core('b')!);
    let targetSaves = 0;
    registry.core('b')!.saveAhead = (state) => {
      targetSaves += 1;
      if (targetSaves > 1) failing.add(targetStore);
      realSave(state);
    };
    expect(moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'afternoon' }).ok).toBe(false);
    // On disk: the item is in both rooms, and rooms.json notes the move under way.
    expect(itemIds(onDisk(join(dataDir, 'rooms', 'b', 'state.json')))).toEqual(['b1', 'talk']);
    expect(itemIds(onDisk(join(dataDir, 'state.json')))).toEqual(['p1', 'talk']);
    expect(JSON.parse(readFileSync(join(dataDir, 'rooms.json'), 'utf8')).pendingMove).toEqual({ itemId: 'talk', from: 'main', to: 'b' });
    failing.clear();
    const reopened = open(dataDir);
    expect(reopened.warnings.join(' ')).toContain('Moving item "talk" from room "main" to room "b" was interrupted');
    expect(itemIds(reopened.registry.core('main')!.state)).toEqual(['p1', 'talk']);
    expect(reopened.registry.core('main')!.state.report['talk']?.actualStart).toBe(T0);
    expect(itemIds(reopened.registry.core('b')!.state)).toEqual(['b1']);
    expect(reopened.registry.core('b')!.state.report['talk']).toBeUndefined();
    expect(itemIds(onDisk(join(dataDir, 'rooms', 'b', 'state.json')))).toEqual(['b1']);
    expect(JSON.parse(readFileSync(join(dataDir, 'rooms.json'), 'utf8')).pendingMove).toBeUndefined();
  });

  it('a stop after both saves keeps the move at the next start', () => {
    const { dataDir, registry } = setUp();
    expect(moveItemAcross(registry, 'main', { itemId: 'talk', toRoom: 'b', toSessionId: 'afternoon' }).ok).toBe(true);
    const reopened = open(dataDir);
    expect(reopened.warnings).toEqual([]);
    expect(itemIds(reopened.registry.core('b')!.state)).toEqual(['b1', 'talk']);
    expect(itemIds(reopened.registry.core('main')!.state)).toEqual(['p1']);
  });
});
