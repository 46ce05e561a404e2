import { PAGE_VIEWS } from './http';
import type { Role } from './roles';

/**
 * Display management (#19, docs/displays.md): the console lists every connected client and can
 * rename, identify, redirect and reload each one. These commands act on presence, which is not
 * state: no revision, nothing in the state file. They still go through the one command path
 * (electron/server/core.ts), so the role check and the rate limits are the same as any command's.
 * No zod here: the views import this file (their CSP refuses zod's eval probe); the schemas are in
 * display-schemas.ts.
 */

/**
 * The pages a display can show: every page view (the views and the read-only outputs of #19), plus
 * `/audience`, which the speaker's bundle renders. Paths are `/<page>`.
 */
export const DISPLAY_PAGES = [...PAGE_VIEWS, 'audience'] as const;
export type DisplayPage = (typeof DISPLAY_PAGES)[number];

/** Where a display can be sent: our own pages, never the console (it would need the control key). */
export const REDIRECT_PAGES = ['speaker', 'booth', 'audience', 'lower-third', 'clock', 'crew'] as const;
export type RedirectPage = (typeof REDIRECT_PAGES)[number];

/**
 * The role a redirected display needs for a page. The display keeps its own key: a page that any
 * key can read is open to every display, the booth's page needs the booth key (it sends requests).
 */
export const PAGE_NEEDS_ROLE: Partial<Record<RedirectPage, Role>> = { booth: 'booth' };

/** The page a path names (`/audience/` → audience), or null for any other path. */
export function pageOfPath(pathname: string): DisplayPage | null {
  const name = pathname.replace(/^\/+|\/+$/g, '');
  return (DISPLAY_PAGES as readonly string[]).includes(name) ? (name as DisplayPage) : null;
}

/** A device id: made by the browser once (localStorage) and sent with every hello. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Most names the server remembers; the oldest is forgotten first. */
export const MAX_REMEMBERED_NAMES = 500;
export const MAX_DISPLAY_NAME = 40;
export const MAX_REDIRECT_PARAMS = 12;
export const REDIRECT_PARAM_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

export const DISPLAY_COMMAND_TYPES = ['display.rename', 'display.redirect', 'display.identify', 'display.reload'] as const;
export type DisplayCommandType = (typeof DISPLAY_COMMAND_TYPES)[number];

/** The display commands, as validated (display-schemas.ts checks them). */
export type DisplayCommand =
  | { type: 'display.rename'; displayId: string; name: string }
  | { type: 'display.redirect'; displayId: string; view: RedirectPage; params: RedirectParams }
  | { type: 'display.identify'; displayId: string }
  | { type: 'display.reload'; displayId: string };
export const isDisplayCommand = (cmd: { type: string }): cmd is DisplayCommand => (DISPLAY_COMMAND_TYPES as readonly string[]).includes(cmd.type);

export type RedirectParams = Record<string, string>;

/** How long an identified display shows its name. */
export const IDENTIFY_MS = 5000;

/** One display, as `GET /api/v1/displays` lists it (`view` is the page it shows). */
export interface DisplayInfo {
  id: string;
  view: DisplayPage;
  role: Role | null;
  name: string;
  address: string;
  language: 'en' | 'zh';
  /** ISO 8601: when the server last heard from it (a connected display pings every second). */
  lastSeen: string;
}

export interface DisplaysResponse {
  displays: DisplayInfo[];
}

/** What the server tells one display (socket events `display:identify`, `display:redirect`). */
export interface IdentifyOrder {
  name: string;
  durationMs: number;
}
export interface RedirectOrder {
  view: RedirectPage;
  params: RedirectParams;
}
