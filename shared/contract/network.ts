import type { OutputPage, View } from './http';
import type { Role } from './roles';

/**
 * The console's network panel (#8, docs/api.md "Network"): LAN mode, the views' LAN links, token
 * rotation. Every route here is for the control role only, since the links carry tokens.
 * The zod schemas live in network-schemas.ts: the console imports these paths and types, and zod
 * probes for eval when a schema is built, which the views' CSP reports as a violation.
 */
export { NETWORK_PATH, LAN_PATH, ROTATE_PATH } from './http-routes';

/** An interface address the server could not listen on, and why (e.g. "address already in use"). */
export interface LanFailure {
  address: string;
  message: string;
}

export interface LanStatus {
  /** Whether other devices can reach the server. */
  on: boolean;
  /** Started with a non-loopback `--host` (e.g. 0.0.0.0): on, and the console cannot switch it off. */
  locked: boolean;
  /** The LAN addresses (IPv4) the server is reachable on now; empty when off. */
  addresses: string[];
  /** Addresses that could not be opened when LAN mode was last switched on. */
  failures: LanFailure[];
}

/** `GET /api/v1/network` and the answer of `POST /api/v1/network/lan`. */
export interface NetworkInfo {
  ok: true;
  port: number;
  lan: LanStatus;
  /** Per view, its link on each LAN address (in the order of `lan.addresses`), with that view's token. */
  links: Record<View, string[]>;
  /** Per view, its link on this computer (loopback), with that view's token: what works with LAN mode off. */
  localLinks: Record<View, string>;
  /** Per read-only output page (audience screen, lower third, studio clock, crew), its link on each LAN address, with the view token. */
  outputLinks: Record<OutputPage, string[]>;
  /** Per output page, its link on this computer, with the view token. */
  localOutputLinks: Record<OutputPage, string>;
}

/** `POST /api/v1/network/lan` body (checked by `lanBodySchema` in network-schemas.ts). */
export interface LanBody {
  on: boolean;
}

/** `POST /api/v1/tokens/rotate` body (checked by `rotateBodySchema`). */
export interface RotateBody {
  role: Role;
}

export interface RotateResponse {
  ok: true;
  role: Role;
  /** The new links of the views that use this role, on the address the request came to. */
  links: Partial<Record<View, string>>;
  /** How many connected clients that used the old token were disconnected. */
  disconnected: number;
}

/**
 * `GET /api/v1/rooms/<id>/network/links` (#18, docs/rooms.md): one room's display links, for its own
 * console. The same fields as `NetworkInfo`, each link on `/r/<id>/<view>` with the room's own tokens
 * (today's path `/api/v1/network/links` answers `main`'s, the venue's). The producer's token or the
 * room's own control token may read it; a room's token never sees another room's or the venue's tokens.
 */
export interface RoomLinks extends NetworkInfo {
  room: string;
  /** Whether the caller's token is the producer's, who alone changes the event's settings (LAN mode, OSC, the relay link). */
  producer: boolean;
}
