/** How many socket.io connections one remote address, and one token, may hold at once. */
export interface ConnectionLimits {
  perAddress: number;
  perToken: number;
}

/** Above any venue's displays on one machine or one link; `--max-connections` raises both. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { perAddress: 100, perToken: 100 };

export type Admission = { ok: true; release: () => void } | { ok: false; message: string };

const normalise = (address: string): string => (address.startsWith('::ffff:') ? address.slice(7) : address).toLowerCase();

/** Counts open connections per address and per token; a connection over either cap is refused. */
export class ConnectionCaps {
  private readonly open = new Map<string, number>();

  constructor(private readonly limits: ConnectionLimits) {}

  /** `token`: a valid token the connection presented, or null. */
  admit(address: string, token: string | null): Admission {
    const a = normalise(address);
    const keys = [`address:${a}`, ...(token === null ? [] : [`token:${token}`])];
    if ((this.open.get(keys[0]!) ?? 0) >= this.limits.perAddress) {
      return { ok: false, message: `too many connections from ${a}: at most ${this.limits.perAddress} at once` };
    }
    if (token !== null && (this.open.get(keys[1]!) ?? 0) >= this.limits.perToken) {
      return { ok: false, message: `too many connections with this token: at most ${this.limits.perToken} at once` };
    }
    for (const k of keys) this.open.set(k, (this.open.get(k) ?? 0) + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        for (const k of keys) {
          const n = (this.open.get(k) ?? 1) - 1;
          if (n <= 0) this.open.delete(k);
          else this.open.set(k, n);
        }
      },
    };
  }
}
