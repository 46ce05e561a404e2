/**
 * Claims on cues, shared by every window of this browser that shows Rostrum (same origin): of all
 * the windows that see a transition, only the first to claim its key plays the cue, and a claim
 * outlives a reload. Claims live in localStorage.
 *
 * Where the Web Locks API exists (secure contexts: localhost, https) the check-and-set runs under a
 * lock and is exact. Elsewhere (a LAN address over plain http) a window writes its claim, waits a
 * moment for any other window's write to land, and plays only if the stored claim is still its own:
 * the last writer wins, and every window agrees on who that was.
 */

/** The part of `Storage` (localStorage) the claims use. */
export interface ClaimStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
type Locks = { request<T>(name: string, callback: () => T | Promise<T>): Promise<T> };

export interface ClaimOptions {
  /** null where storage is unavailable (privacy mode): every claim succeeds, each window on its own. */
  storage: ClaimStorage | null;
  locks: Locks | null;
  /** This window's id. */
  owner: string;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const PREFIX = 'rostrum.cue.';
const LOCK_NAME = 'rostrum.cue-claims';
/** How long a window without Web Locks waits for other windows' claims to land. */
export const SETTLE_MS = 120;
/** Claims older than this are forgotten: a transition is never replayed that late anyway. */
export const KEEP_MS = 12 * 3600 * 1000;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Returns `claim(key)`: resolves true when this window may play the cue named by `key`. */
export function createClaims({ storage, locks, owner, now, sleep = defaultSleep }: ClaimOptions) {
  const stamp = () => `${owner}@${now()}`;
  const ownerOf = (value: string | null) => (value === null ? null : value.slice(0, value.lastIndexOf('@')));

  function forgetOld(s: ClaimStorage): void {
    const cutoff = now() - KEEP_MS;
    const stale: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k === null || !k.startsWith(PREFIX)) continue;
      const at = Number(s.getItem(k)?.split('@').pop());
      if (!(at >= cutoff)) stale.push(k);
    }
    for (const k of stale) s.removeItem(k);
  }

  /** Stores this window's claim unless one is there already. */
  function checkAndSet(s: ClaimStorage, key: string): boolean {
    if (s.getItem(PREFIX + key) !== null) return false;
    forgetOld(s);
    s.setItem(PREFIX + key, stamp());
    return true;
  }

  return async function claim(key: string): Promise<boolean> {
    if (storage === null) return true;
    try {
      if (locks !== null) return await locks.request(LOCK_NAME, () => checkAndSet(storage, key));
      if (!checkAndSet(storage, key)) return false;
      await sleep(SETTLE_MS);
      return ownerOf(storage.getItem(PREFIX + key)) === owner;
    } catch {
      // Storage full or refused mid-way: better a cue twice than none.
      return true;
    }
  };
}
