import type { HttpRoutes, RouteName } from '../../shared/contract/http-routes';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import type { Role } from '../../shared/contract/roles';
import type { BrandingStore } from '../branding/branding-store';
import type { Automations } from '../automation/automations';
import type { OscControl } from '../osc/osc-control';
import type { RelayControl } from '../relay-link/relay-control';
import type { RoomRegistry } from '../rooms/room-registry';
import type { LinkedRooms } from '../rooms/linked-rooms';
import type { RostrumCore } from '../server/core';
import type { LanMode } from '../server/lan-mode';
import type { Tokens } from '../server/tokens';
import type { Call } from './router';

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
  /** The relay link as a console setting (docs/remote.md): `GET /api/v1/relay` answers "off" without one. */
  relay?: RelayControl;
  /** A room's connected displays (#19, `GET /api/v1/displays`). */
  displays: (room: string) => readonly ConnectedDisplay[];
  /** The event's logo, accent and custom CSS (#19). */
  branding: BrandingStore;
  /** Triggered actions (docs/automation.md); their routes answer 404 without them. */
  automations?: Automations;
  /** The event's rooms (#18): a per-room route gets the room's core as `core`. */
  rooms: RoomRegistry;
  /** Rooms on other servers, on the overview (#18); their routes answer 404 without. */
  linked?: LinkedRooms;
}

/** Where a call acts (#18): its room, and whether the caller may act in another one. */
export interface RoomCall {
  /** The room the call acts in (`main` for today's paths, and for routes of the whole event). */
  room: string;
  /** Whether the caller's token may act in another room too (the producer's may; a room's only in its own). */
  mayActIn: (room: string) => boolean;
  /** Whether the caller's token is the producer's (may act on the event's settings), not one room's. */
  producer: boolean;
}

/** One call of route `K`, after its access rule let it through (router.ts); null role: a reader without a token, on a trusted address. */
export type RouteCall<K extends RouteName> = Call<RouteContext, Role | null, Exclude<HttpRoutes[K]['answer'], 'bytes'>> & RoomCall;

export type Handler<K extends RouteName> = (call: RouteCall<K>) => void | Promise<void>;
