import { describe, expect, it } from 'vitest';
import { createClaims, HOLD_MS, KEEP_MS, SETTLE_MS, type ClaimStorage } from '../../../renderer/audio/cue-claims';

/** One localStorage, shared by several "windows" (as a browser shares it between tabs). */
function memoryStorage(): ClaimStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

/** A Web Locks stand-in: named locks, `ifAvailable` (the callback gets null when the name is held). */
function memoryLocks() {
  const held = new Set<string>();
  return {
    async request(name: string, _options: { ifAvailable: true }, cb: (lock: unknown) => Promise<void>): Promise<unknown> {
      if (held.has(name)) return cb(null);
      held.add(name);
      try {
        return await cb({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

/** A sleep that lasts until `wake()`, recording what was asked for. */
function manualSleep() {
  let wake: () => void = () => undefined;
  const woken = new Promise<void>((r) => (wake = r));
  const asked: number[] = [];
  return { asked, wake: () => wake(), sleep: (ms: number) => (asked.push(ms), woken) };
}

const now = () => 1_800_000_000_000;

describe('cue claims', () => {
  it('with Web Locks: of several windows claiming the same key at once, exactly one wins', async () => {
    const storage = memoryStorage();
    const locks = memoryLocks();
    const hold = manualSleep();
    const windows = ['a', 'b', 'c'].map((owner) => createClaims({ storage, locks, owner, now, sleep: hold.sleep }));
    const results = await Promise.all(windows.map((claim) => claim('item|1|warning')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(hold.asked).toEqual([HOLD_MS]);
    hold.wake();
    // A reload is a new window with a new id: the claim is still there.
    expect(await createClaims({ storage, locks, owner: 'a2', now, sleep: hold.sleep })('item|1|warning')).toBe(false);
    expect(await windows[1]!('item|1|danger')).toBe(true);
  });

  it('with Web Locks: a window whose view of storage lags still loses while the winner holds its lock', async () => {
    // Each window's writes reach the others a moment later, as between browser processes.
    const shared = memoryStorage();
    const lagging: ClaimStorage = { ...shared, length: 0, getItem: () => null, setItem: () => undefined };
    const locks = memoryLocks();
    const hold = manualSleep();
    const a = createClaims({ storage: shared, locks, owner: 'a', now, sleep: hold.sleep });
    const b = createClaims({ storage: lagging, locks, owner: 'b', now, sleep: hold.sleep });
    expect(await a('k')).toBe(true);
    // b sees no claim in its storage yet, but the lock is still held: it does not play.
    expect(await b('k')).toBe(false);
    hold.wake();
  });

  it('without Web Locks: simultaneous claims settle on the last writer, which every window agrees on', async () => {
    // Each window's writes reach the others a moment later, as between browser processes.
    const shared = memoryStorage();
    const inFlight: [string, string][] = [];
    const windowView = (): ClaimStorage => ({
      ...shared,
      get length() {
        return shared.length;
      },
      setItem: (k, v) => void inFlight.push([k, v]),
    });
    let wake: () => void = () => undefined;
    const settled = new Promise<void>((r) => (wake = r));
    const sleeps: number[] = [];
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return settled;
    };
    const [a, b] = ['a', 'b'].map((owner) => createClaims({ storage: windowView(), locks: null, owner, now, sleep }));
    // Both find no claim and write theirs before either write has landed: the race the settle is for.
    const pa = a!('k');
    const pb = b!('k');
    for (const [k, v] of inFlight.splice(0)) shared.setItem(k, v);
    wake();
    expect(await Promise.all([pa, pb])).toEqual([false, true]);
    expect(sleeps).toEqual([SETTLE_MS, SETTLE_MS]);
    // A window that comes later finds the claim and does not even write.
    expect(await createClaims({ storage: shared, locks: null, owner: 'c', now, sleep })('k')).toBe(false);
    expect(inFlight).toEqual([]);
  });

  it('forgets claims older than a few hours, and plays on its own where storage is unavailable', async () => {
    const storage = memoryStorage();
    storage.setItem('rostrum.cue.old', `x@${now() - KEEP_MS - 1}`);
    storage.setItem('rostrum.cue.recent', `x@${now() - 1000}`);
    storage.setItem('rostrum.lang.speaker', 'zh');
    await createClaims({ storage, locks: memoryLocks(), owner: 'a', now, sleep: () => Promise.resolve() })('new');
    expect([...storage.map.keys()].sort()).toEqual(['rostrum.cue.new', 'rostrum.cue.recent', 'rostrum.lang.speaker']);
    expect(await createClaims({ storage: null, locks: null, owner: 'a', now })('k')).toBe(true);
  });
});
