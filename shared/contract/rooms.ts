/**
 * Rooms (#18, docs/rooms.md): an event has rooms, each with its own agenda, clock, messages, booth
 * and report. The room every existing URL, route, OSC address and trigger addresses is `main`.
 * Pure: the views import this file too.
 */
import { OSC_FIRST_WORDS } from './osc-addresses';

export const MAIN_ROOM = 'main';

/** A room's name in each UI language. */
export interface RoomName {
  en: string;
  zh: string;
}

export interface RoomInfo {
  id: string;
  name: RoomName;
}

/** `GET /api/v1/rooms`. */
export interface RoomsResponse {
  rooms: RoomInfo[];
}

/** `POST /api/v1/rooms` (producer): a room with an empty agenda. */
export type AddRoomBody = RoomInfo;

/** `GET /api/v1/rooms/<id>/tokens` (producer): the room's own tokens. */
export interface RoomTokens {
  control: string;
  booth: string;
  view: string;
}

/** The name of the default room, `main`. */
export const MAIN_ROOM_NAME: RoomName = { en: 'Main room', zh: '主会场' };

/** Lower-case letters, digits and dashes, starting with a letter or digit: safe in a path, a folder name and an OSC address. */
export const ROOM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const MAX_ROOMS = 64;
export const MAX_ROOM_NAME = 80;

/** Words of today's OSC addresses (`/rostrum/next`…): a room id may not be one, or `/rostrum/<id>/…` would be ambiguous. */
/** The input addresses' first words, and `state`: OSC feedback goes out on `/rostrum/<roomId>/state/…` beside main's `/rostrum/state/…`. */
export const RESERVED_ROOM_IDS: readonly string[] = [...OSC_FIRST_WORDS, 'state'];

/** Why `id` cannot be a room id, or null when it can. */
export function roomIdProblem(id: unknown): string | null {
  if (typeof id !== 'string') return 'id: must be a string';
  if (!ROOM_ID_PATTERN.test(id)) return `id: "${id.slice(0, 40)}" must be 1 to 32 lower-case letters, digits or dashes, starting with a letter or digit`;
  if (RESERVED_ROOM_IDS.includes(id)) return `id: "${id}" is a word of the OSC addresses (/rostrum/${id}); choose another`;
  return null;
}

/** `/api/v1/rooms/<id>/…`: the per-room mirror of today's routes. */
export const ROOMS_PATH = '/api/v1/rooms';
const ROOM_PATH_RE = /^\/api\/v1\/rooms\/([^/]+)(\/.*)$/;

/** The room and today's path a per-room path mirrors (`/api/v1/rooms/b/state` → `b`, `/api/v1/state`); null when it is not one. */
export function splitRoomPath(pathname: string): { room: string; path: string } | null {
  const m = ROOM_PATH_RE.exec(pathname);
  if (!m) return null;
  let room: string;
  try {
    room = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return { room, path: `/api/v1${m[2]!}` };
}

/** Today's API path in `room` (`main` keeps today's path). */
export function roomApiPath(room: string, path: string): string {
  return room === MAIN_ROOM || !path.startsWith('/api/v1/') ? path : `${ROOMS_PATH}/${encodeURIComponent(room)}/${path.slice('/api/v1/'.length)}`;
}

/** `/r/<id>/moderator|speaker|booth`: a view of one room. */
const VIEW_PATH_RE = /^\/r\/([a-z0-9][a-z0-9-]{0,31})(\/.*)$/;

/** The room and the view's path for `/r/<id>/<view>`; null when the path is not one. */
export function splitRoomViewPath(pathname: string): { room: string; path: string } | null {
  const m = VIEW_PATH_RE.exec(pathname);
  return m ? { room: m[1]!, path: m[2]! } : null;
}

/** The room a page at `pathname` shows: `/r/<id>/…` names it; every other path is `main`. */
export const roomOfPath = (pathname: string): string => splitRoomViewPath(pathname)?.room ?? MAIN_ROOM;

/** Handshake query parameter naming the room a socket joins (absent: `main`). */
export const ROOM_PARAM = 'room';

/** The producer's overview of every room: `/overview?token=<producer token>`. */
export const OVERVIEW_PATH = '/overview';

/**
 * A room that lives on another Rostrum server (#18, docs/rooms.md), linked to this one's overview by
 * URL and that server's token (view: read-only; control: controllable). This server holds the link.
 */
export interface LinkedRoomInfo {
  id: string;
  url: string;
  name: RoomName;
  /** The room on the other server (`main` unless given). */
  remoteRoom: string;
  link: 'connecting' | 'linked' | 'lost' | 'refused';
  /** The other server's state of that room, as last received; null before the first. */
  snapshot: import('./state').Snapshot | null;
  /** The other server's clock now, as estimated here from its last snapshot or patch. */
  remoteNow: number | null;
}

/** `POST /api/v1/linked-rooms` (producer). */
export interface AddLinkedRoomBody {
  url: string;
  token: string;
  name: RoomName;
  room?: string;
}

export const LINKED_ROOMS_PATH = '/api/v1/linked-rooms';

/**
 * `POST /api/v1/rooms/<from>/items/move` (producer): moves an item of room `<from>` to a session of
 * room `toRoom` (a speaker changes room), before `beforeItemId` or last. The item keeps its id, its
 * notes and its report entry. Refused for the room's current item while its clock has not ended.
 */
export interface MoveItemBody {
  itemId: string;
  toRoom: string;
  toSessionId: string;
  beforeItemId?: string;
}

/** The two rooms' revisions once both files hold the move. */
export interface MoveItemAnswer {
  ok: true;
  from: { room: string; revision: number };
  to: { room: string; revision: number };
}

/** A move under way, kept in `rooms.json` between the two rooms' saves: a restart settles it (electron/rooms/move-item.ts). */
export interface PendingMove {
  itemId: string;
  from: string;
  to: string;
}

/** `POST /api/v1/rooms/order {order}` (producer): every room's id once, `main` first; kept in `rooms.json`. */
export interface ReorderRoomsBody {
  order: string[];
}

/** `POST /api/v1/rooms/<id>/room/tokens/rotate {role}` (the producer, or the room's own control token): a room's own token renewed. */
export interface RotateRoomTokenBody {
  role: keyof RoomTokens;
}

export interface RotateRoomTokenAnswer {
  ok: true;
  room: string;
  role: keyof RoomTokens;
  token: string;
  /** How many of the room's sockets that used the old token were disconnected. */
  disconnected: number;
}
