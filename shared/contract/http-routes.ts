import type { ImportResponse } from '../agenda-io/import-types';
import type { DownloadLinks } from '../report/download-links';
import type { TimingReport } from '../report/timing-report';
import type { AutomationsAnswer, AutomationsBody, AutomationTestAnswer, AutomationTestBody } from './automation';
import { AUTOMATIONS_PATH, AUTOMATIONS_TEST_PATH } from './automation';
import type { EventReport } from '../report/event-report';
import type { CommandAck, CommandInput } from './commands';
import type { DisplaysResponse } from './displays';
import { BRANDING_CSS_PATH, BRANDING_LOGO_PATH, BRANDING_PATH, type BrandingBody, type BrandingInfo } from './branding';
import type { HealthResponse } from './http';
import type { LanBody, NetworkInfo, RoomLinks, RotateBody, RotateResponse } from './network';
import type { OscBody, OscStatus } from './osc';
import type { RelayBody, RelayRotateBody, RelayStatus } from './relay';
import { LINKED_ROOMS_PATH, ROOMS_PATH } from './rooms';
import type { AddLinkedRoomBody, AddRoomBody, LinkedRoomInfo, RoomInfo, RoomName, RoomTokens, RoomsResponse } from './rooms';
import type { MoveItemAnswer, MoveItemBody, ReorderRoomsBody, RotateRoomTokenAnswer, RotateRoomTokenBody } from './rooms';
import type { Snapshot } from './state';

/**
 * Every route of the HTTP API v1 (docs/api.md), typed once: the server's route table
 * (electron/http/route-table.ts) has exactly one handler per entry, and the one client
 * (http-client.ts) is derived from the same map. No zod here: the views import this file, and
 * their CSP refuses the eval probe zod makes when a schema is built.
 */
export type Method = 'GET' | 'POST' | 'PUT';

/**
 * Who may call a route, decided from the caller's principal (electron/server/access.ts):
 * - `anyone`: no token needed; an unknown token is still refused;
 * - `reader`: a token of any role (bearer or `?token=`), or a trusted address;
 * - `role`: a bearer token of any role (the core then checks what the role may do);
 * - `control`: the control role's bearer token (403 for another role, naming `action`);
 * - `trigger`: the control token as `?token=` or bearer (hardware that can only call a URL).
 */
export type RouteAccess = 'anyone' | 'reader' | 'role' | 'control' | 'trigger';

/** One route: a table of them (the venue's below, the relay's in relay-routes.ts) makes a server's router. */
export interface RouteSpec<A extends string = RouteAccess> {
  readonly method: Method | readonly Method[];
  /** The exact path, or a prefix ending in `/` followed by `*`. */
  readonly path: string;
  readonly access: A;
  /** What a refused role may not do, for `control` routes ("the booth role may not …"). */
  readonly action?: string;
  /** The error's field when a role is refused. */
  readonly field?: string;
  /**
   * Rooms (#18, docs/rooms.md): the route acts in one room, mirrored at `/api/v1/rooms/<id>/…`;
   * today's path addresses `main`. A room's token may call it in its own room only.
   */
  readonly perRoom?: true;
  /** Only the producer's token (the venue's control token) may call it, not a room's own control token. */
  readonly producer?: true;
}

export const NETWORK_PATH = '/api/v1/network';
export const LAN_PATH = '/api/v1/network/lan';
export const OSC_PATH = '/api/v1/network/osc';
export const ROTATE_PATH = '/api/v1/tokens/rotate';
export const RELAY_PATH = '/api/v1/relay';
export const RELAY_ROTATE_PATH = '/api/v1/relay/tokens/rotate';
export const TRIGGER_PREFIX = '/api/v1/trigger/';

export const HTTP_ROUTES = {
  health: { method: 'GET', path: '/api/v1/health', access: 'anyone' },
  state: { method: 'GET', path: '/api/v1/state', access: 'reader', perRoom: true },
  commands: { method: 'POST', path: '/api/v1/commands', access: 'role', perRoom: true },
  network: { method: 'GET', path: NETWORK_PATH, access: 'control', action: 'read the network settings' },
  lan: { method: 'POST', path: LAN_PATH, access: 'control', action: 'switch LAN mode' },
  oscStatus: { method: 'GET', path: OSC_PATH, access: 'control', action: 'read the OSC settings' },
  oscChange: { method: 'POST', path: OSC_PATH, access: 'control', action: 'change the OSC settings' },
  rotateToken: { method: 'POST', path: ROTATE_PATH, access: 'control', action: 'rotate tokens' },
  relay: { method: 'GET', path: RELAY_PATH, access: 'control', action: 'read the relay link', perRoom: true },
  relayChange: { method: 'POST', path: RELAY_PATH, access: 'control', action: 'change the relay link' },
  relayRotate: { method: 'POST', path: RELAY_ROTATE_PATH, access: 'control', action: 'rotate remote tokens', perRoom: true },
  agendaImport: { method: 'POST', path: '/api/v1/agenda/import', access: 'control', action: 'import an agenda', field: 'type', perRoom: true },
  agendaExport: { method: 'GET', path: '/api/v1/agenda/export', access: 'reader', perRoom: true },
  report: { method: 'GET', path: '/api/v1/report', access: 'reader', perRoom: true },
  reportLinks: { method: 'GET', path: '/api/v1/report/links', access: 'control', action: 'ask for download links', perRoom: true },
  trigger: { method: ['GET', 'POST'], path: `${TRIGGER_PREFIX}*`, access: 'trigger', perRoom: true },
  displays: { method: 'GET', path: '/api/v1/displays', access: 'control', action: 'list the displays', perRoom: true },
  branding: { method: 'GET', path: BRANDING_PATH, access: 'reader' },
  brandingChange: { method: 'POST', path: BRANDING_PATH, access: 'control', action: 'change the branding', field: 'branding' },
  brandingLogo: { method: 'GET', path: BRANDING_LOGO_PATH, access: 'reader' },
  brandingLogoUpload: { method: 'POST', path: BRANDING_LOGO_PATH, access: 'control', action: 'change the branding', field: 'logo' },
  brandingCss: { method: 'GET', path: BRANDING_CSS_PATH, access: 'reader' },
  brandingCssUpload: { method: 'POST', path: BRANDING_CSS_PATH, access: 'control', action: 'change the branding', field: 'css' },
  automations: { method: 'GET', path: AUTOMATIONS_PATH, access: 'control', action: 'read the automation rules' },
  automationsReplace: { method: 'PUT', path: AUTOMATIONS_PATH, access: 'control', action: 'change the automation rules' },
  automationsTest: { method: 'POST', path: AUTOMATIONS_TEST_PATH, access: 'control', action: 'test an automation rule' },
  rooms: { method: 'GET', path: ROOMS_PATH, access: 'reader' },
  addRoom: { method: 'POST', path: ROOMS_PATH, access: 'control', action: 'add a room', producer: true },
  roomTokens: { method: 'GET', path: '/api/v1/tokens', access: 'control', action: "read a room's tokens", perRoom: true, producer: true },
  eventReport: { method: 'GET', path: '/api/v1/event/report', access: 'reader', action: 'read the event report', producer: true },
  linkedRooms: { method: 'GET', path: LINKED_ROOMS_PATH, access: 'control', action: 'read the linked rooms', producer: true },
  addLinkedRoom: { method: 'POST', path: LINKED_ROOMS_PATH, access: 'control', action: 'link a room', producer: true },
  linkedCommand: { method: 'POST', path: `${LINKED_ROOMS_PATH}/command`, access: 'control', action: 'control a linked room', producer: true },
  renameRoom: { method: 'POST', path: '/api/v1/room/name', access: 'control', action: 'rename a room', perRoom: true, producer: true },
  removeRoom: { method: 'POST', path: '/api/v1/room/remove', access: 'control', action: 'remove a room', perRoom: true, producer: true },
  eventExport: { method: 'GET', path: '/api/v1/event/export', access: 'reader', action: 'export the event', producer: true },
  reorderRooms: { method: 'POST', path: `${ROOMS_PATH}/order`, access: 'control', action: 'reorder the rooms', producer: true },
  rotateRoomToken: { method: 'POST', path: '/api/v1/room/tokens/rotate', access: 'control', action: "rotate a room's tokens", perRoom: true },
  moveItem: { method: 'POST', path: '/api/v1/items/move', access: 'control', action: 'move an item to another room', perRoom: true, producer: true },
  roomLinks: { method: 'GET', path: '/api/v1/network/links', access: 'control', action: "read a room's display links", perRoom: true },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof HTTP_ROUTES;

/** A query string's parameters (all optional strings: what a URL can carry). */
export type Query<K extends string> = Partial<Record<K, string>>;

/**
 * Per route: `body` (JSON unless `bytes`), `query`, and `answer` (JSON, or `bytes` for a file).
 * `never`: the route takes no body.
 */
export interface HttpRoutes {
  health: { body: never; query: never; answer: HealthResponse };
  state: { body: never; query: never; answer: Snapshot };
  commands: { body: CommandInput; query: never; answer: CommandAck };
  network: { body: never; query: never; answer: NetworkInfo };
  lan: { body: LanBody; query: never; answer: NetworkInfo };
  oscStatus: { body: never; query: never; answer: OscStatus };
  oscChange: { body: OscBody; query: never; answer: OscStatus };
  rotateToken: { body: RotateBody; query: never; answer: RotateResponse };
  relay: { body: never; query: never; answer: RelayStatus };
  relayChange: { body: RelayBody; query: never; answer: RelayStatus };
  relayRotate: { body: RelayRotateBody; query: never; answer: RelayStatus };
  /** The body is the file itself; the answer is also the body of a refused apply (4xx). */
  agendaImport: {
    body: 'bytes';
    query: Query<'format' | 'apply' | 'confirm' | 'title' | 'date' | 'timezone' | 'extraTimezones' | 'languages'>;
    answer: ImportResponse;
  };
  agendaExport: { body: never; query: Query<'format' | 'token'>; answer: 'bytes' };
  /** JSON (a TimingReport) for `format=json` without `download`; a file otherwise. */
  report: { body: never; query: Query<'format' | 'lang' | 'download' | 'token'>; answer: 'bytes' | TimingReport };
  reportLinks: { body: never; query: never; answer: DownloadLinks };
  trigger: { body: never; query: Query<'token' | 'expected' | 'text' | 'flash'>; answer: unknown };
  displays: { body: never; query: never; answer: DisplaysResponse };
  branding: { body: never; query: Query<'token'>; answer: BrandingInfo };
  brandingChange: { body: BrandingBody; query: never; answer: BrandingInfo };
  /** The logo file (PNG or SVG); `v` only busts caches. */
  brandingLogo: { body: never; query: Query<'token' | 'v'>; answer: 'bytes' };
  brandingLogoUpload: { body: 'bytes'; query: never; answer: BrandingInfo };
  brandingCss: { body: never; query: Query<'token' | 'v'>; answer: 'bytes' };
  brandingCssUpload: { body: 'bytes'; query: never; answer: BrandingInfo };
  automations: { body: never; query: never; answer: AutomationsAnswer };
  automationsReplace: { body: AutomationsBody; query: never; answer: AutomationsAnswer };
  /** Resolves once the action ran (or failed, or timed out): `ok: false` carries why. */
  automationsTest: { body: AutomationTestBody; query: never; answer: AutomationTestAnswer };
  rooms: { body: never; query: never; answer: RoomsResponse };
  addRoom: { body: AddRoomBody; query: never; answer: { ok: true; room: RoomInfo } };
  roomTokens: { body: never; query: never; answer: RoomTokens };
  /** A row per room (`format=json`, the default, or `csv`). */
  eventReport: { body: never; query: Query<'format' | 'token'>; answer: EventReport | 'bytes' };
  linkedRooms: { body: never; query: never; answer: { rooms: LinkedRoomInfo[] } };
  addLinkedRoom: { body: AddLinkedRoomBody; query: never; answer: { ok: true; room: LinkedRoomInfo } };
  /** `?id=<linked room>`; the body is a command, run by the other server. */
  linkedCommand: { body: CommandInput; query: Query<'id'>; answer: CommandAck };
  renameRoom: { body: { name: RoomName }; query: never; answer: { ok: true; room: RoomInfo } };
  /** `confirm=running`: remove a room whose clock runs or is paused. */
  removeRoom: { body: never; query: Query<'confirm'>; answer: { ok: true; room: RoomInfo } };
  /** Per room: `/api/v1/rooms/<from>/items/move`; both rooms' files hold the move, or neither. */
  moveItem: { body: MoveItemBody; query: never; answer: MoveItemAnswer };
  reorderRooms: { body: ReorderRoomsBody; query: never; answer: { ok: true; rooms: RoomInfo[] } };
  /** Not `main` (its tokens are the venue's: `rotateToken`). */
  rotateRoomToken: { body: RotateRoomTokenBody; query: never; answer: RotateRoomTokenAnswer };
  /** A room's display links on `/r/<id>/…` with its own tokens (`main`: the venue's, on today's paths). */
  roomLinks: { body: never; query: never; answer: RoomLinks };
  /** Every room's agenda in one file (`format=json`, the default, `csv` or `xlsx`). */
  eventExport: { body: never; query: Query<'format' | 'token'>; answer: 'bytes' };
}

/** The methods a route answers. */
export const methodsOf = (spec: RouteSpec<string>): readonly Method[] => (typeof spec.method === 'string' ? [spec.method] : spec.method);

/** The method and path of a route a client calls in a route table (every route but a prefix one). */
export const routeIn = <N extends string>(table: Readonly<Record<N, RouteSpec<string>>>, name: N): { method: Method; path: string } => {
  const spec: RouteSpec<string> = table[name];
  return { method: methodsOf(spec)[0]!, path: spec.path };
};

/** The method and path of a venue route a client calls. */
export const routeOf = (name: RouteName): { method: Method; path: string } => routeIn(HTTP_ROUTES, name);
