/**
 * Claims on cues, shared by every window of this browser that shows Rostrum (same origin): of all
 * the windows that see a transition, only the first to claim its key plays the cue, and a claim
 * outlives a reload. Claims live in localStorage.
 *
 * localStorage is shared between windows but not at once: a write in one browser process reaches
 * the others a moment later (longer on a busy machine). So:
 * - where the Web Locks API exists (secure contexts: localhost, https), a window claims a key by
 *   taking a lock of that name, if nobody holds it, and keeps holding it for a few seconds after
 *   writing its claim: windows that see the same transition meanwhile find the lock taken, and
 *   any later window finds the claim, which has landed by then;
 * - elsewhere (a LAN address over plain http) a window writes its claim, waits a moment for any
 *   other window's write to land, and plays only if the stored claim is still its own: the last
 *   writer wins, and every window agrees on who that was.
 */

/** The part of `Storage` (localStorage) the claims use. */
export interface ClaimStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
/** The part of the Web Locks API (`navigator.locks`) the claims use. */
export interface Locks {
  request(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

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
/** How long a window without Web Locks waits for other windows' claims to land. */
export const SETTLE_MS = 120;
/** How long a window that won a claim holds its lock: longer than a claim takes to reach the others. */
export const HOLD_MS = 3000;
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
      if (locks !== null) {
        return await new Promise<boolean>((resolve, reject) => {
          locks
            .request(PREFIX + key, { ifAvailable: true }, async (lock) => {
              if (lock === null) return resolve(false); // another window is claiming it right now
              const won = checkAndSet(storage, key);
              resolve(won);
              if (won) await sleep(HOLD_MS);
            })
            .catch(reject);
        });
      }
      if (!checkAndSet(storage, key)) return false;
      await sleep(SETTLE_MS);
      return ownerOf(storage.getItem(PREFIX + key)) === owner;
    } catch {
      // Storage full or refused mid-way: better a cue twice than none.
      return true;
    }
  };
}
