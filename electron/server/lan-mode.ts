import type { Server as HttpServer } from 'node:http';
import type { LanFailure, LanStatus } from '../../shared/contract/network';
import { isLoopback } from './http-util';
import { createLanListeners, lanAddresses } from './lan-listeners';
import type { RequestGuard } from './request-guard';

export interface LanMode {
  /** Call once the HTTP server is bound: its address decides whether LAN mode is locked on. */
  bound(host: string, port: number): void;
  status(): LanStatus;
  /** Switches LAN mode; refused (with a message) when locked on by `--host`. */
  set(on: boolean): Promise<{ ok: true; status: LanStatus } | { ok: false; message: string }>;
  close(): Promise<void>;
}

export interface LanModeOptions {
  /** This machine's LAN addresses now (injected by tests). */
  addresses?: () => string[];
  /** Called after each switch, to keep the setting. */
  onChanged?: (on: boolean) => void;
}

const isLoopbackHost = (host: string): boolean => host === 'localhost' || isLoopback(host);

/**
 * LAN mode: off, the server answers on loopback only; on, also on this machine's LAN addresses.
 * Started with a non-loopback `--host` it is on for good (the socket is bound there already).
 */
export function createLanMode(http: HttpServer, guard: RequestGuard, options: LanModeOptions = {}): LanMode {
  const addresses = options.addresses ?? lanAddresses;
  const listeners = createLanListeners(http);
  let host = '127.0.0.1';
  let port = 0;
  let on = false;
  let failures: LanFailure[] = [];
  // Switches run one after the other: a double click must not open the listeners twice.
  let queue: Promise<unknown> = Promise.resolve();

  const locked = () => !isLoopbackHost(host);
  const status = (): LanStatus => {
    if (locked()) {
      const all = host === '0.0.0.0' || host === '::';
      return { on: true, locked: true, addresses: all ? addresses() : [host], failures: [] };
    }
    return { on, locked: false, addresses: listeners.listening(), failures };
  };

  async function apply(want: boolean): Promise<void> {
    if (want) {
      failures = await listeners.open(addresses(), port);
    } else {
      failures = [];
      await listeners.close();
    }
    on = want;
    guard.lanAddresses(listeners.listening());
    options.onChanged?.(want);
  }

  return {
    bound: (h, p) => {
      host = h;
      port = p;
    },
    status,
    set(want) {
      if (locked()) {
        if (want) return Promise.resolve({ ok: true, status: status() });
        return Promise.resolve({ ok: false, message: `LAN mode is on because Rostrum was started with --host ${host}; restart it without that flag to switch it off` });
      }
      const next = queue.then(() => apply(want)).then(() => ({ ok: true as const, status: status() }));
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => listeners.close(),
  };
}
