import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoutes, RouteName } from '../../shared/contract/http-routes';
import type { RemoteTokens } from '../../shared/contract/relay';
import type { Role } from '../../shared/contract/roles';
import type { OscControl } from '../osc/osc-control';
import type { RelayLink } from '../relay-link/relay-link';
import type { RoomRegistry } from '../rooms/room-registry';
import type { LinkedRooms } from '../rooms/linked-rooms';
import type { RostrumCore } from '../server/core';
import type { LanMode } from '../server/lan-mode';
import type { Tokens } from '../server/tokens';

/** What the routes reach: the core and the server's settings. */
export interface RouteContext {
  core: RostrumCore;
  tokens: () => Tokens;
  version: string;
  lan: LanMode;
  port: () => number;
  /** Replaces one role's token: keeps it (settings) and disconnects the clients that used the old one. */
  rotate: (role: Role, token: string) => number;
  /** OSC as a console setting; its routes answer 404 without it. */
  osc?: OscControl;
  /** The relay link (docs/remote.md): `GET /api/v1/relay` answers "off" without one. */
  relay?: { link: () => RelayLink | null; remoteTokens: () => RemoteTokens | null };
  /** The event's rooms (#18): a per-room route gets the room's core as `core`. */
  rooms: RoomRegistry;
  /** Rooms on other servers, on the overview (#18); their routes answer 404 without. */
  linked?: LinkedRooms;
}

/** One call of route `K`, after its access rule let it through. */
export interface RouteCall<K extends RouteName> {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The role the caller acts with (null: a reader without a token, on a trusted address). */
  role: Role | null;
  ctx: RouteContext;
  /** The room the call acts in (`main` for today's paths, and for routes of the whole event). */
  room: string;
  /** Whether the caller's token may act in another room too (the producer's may; a room's only in its own). */
  mayActIn: (room: string) => boolean;
  /** Answers 200 with the route's JSON answer, as the contract types it. */
  answer: (body: Exclude<HttpRoutes[K]['answer'], 'bytes'>) => void;
}

export type Handler<K extends RouteName> = (call: RouteCall<K>) => void | Promise<void>;
