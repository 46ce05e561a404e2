/**
 * OSC as a console setting (docs/api.md "OSC", docs/control.md): switched on and off, its UDP port,
 * the senders it accepts and the feedback target, from the console's network panel. Control role
 * only, like the other network routes. Body schema in osc-schemas.ts (zod stays out of the views).
 */
export { OSC_PATH } from './http-routes';

/** What the moderator sets (kept in settings.json as `osc`). */
export interface OscSettings {
  /** OSC input on. */
  on: boolean;
  /** UDP port for OSC input (1-65535). */
  port: number;
  /** Sender addresses accepted; empty: any loopback sender with LAN mode off, none with it on. */
  allow: string[];
  /** Feedback target as "host:port", or null for no feedback. */
  feedback: string | null;
}

export const DEFAULT_OSC_SETTINGS: OscSettings = { on: false, port: 8000, allow: [], feedback: null };

/** `POST /api/v1/network/osc`: the fields to change; the others keep their value. */
export type OscBody = Partial<OscSettings>;

/** `GET /api/v1/network/osc` and the answer of `POST`. */
export interface OscStatus {
  ok: true;
  /** The settings in force: the console's, with the command-line flags on top. */
  settings: OscSettings;
  /** Which settings come from command-line flags (`--osc-port`, `--osc-allow`, `--osc-feedback`): fixed here. */
  fromFlags: { port: boolean; allow: boolean; feedback: boolean };
  /** Where OSC input listens now ("127.0.0.1:8000", "0.0.0.0:8000"), or null when off or failed. */
  listening: string | null;
  /** LAN mode is on: OSC listens on every interface and the allow list is the only gate. */
  lan: boolean;
  /** Why OSC input is not listening although it is on (e.g. the port is taken), else null. */
  error: string | null;
}

const HOST_PORT = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/;

/** Parses "host:port" (an IPv6 host in brackets); null when it is not that. Pure: shared by the server and the console. */
export function parseOscTarget(text: string): { host: string; port: number } | null {
  const m = HOST_PORT.exec(text.trim());
  const port = Number(m?.[2]);
  if (!m || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}
