import type { CommandAck, CommandInput } from './commands';
import type { IdentifyOrder, RedirectOrder } from './displays';
import type { ConnectedDisplay, DisplayHello } from './presence';
import type { Snapshot, StatePatch } from './state';

/** Answer to a client's `time:ping`, for estimating its offset from the server clock. */
export interface TimePong {
  /** The client's own send time, echoed back. */
  clientSentAt: number;
  serverTime: number;
}

/** socket.io events, client to server. Names are `domain:verb`. */
export interface ClientToServerEvents {
  command: (command: CommandInput, ack: (result: CommandAck) => void) => void;
  'state:request': () => void;
  'time:ping': (clientSentAt: number, ack: (pong: TimePong) => void) => void;
  /** A view says what it is (and again whenever its name, language or direction changes). */
  'display:hello': (hello: DisplayHello) => void;
}

/** socket.io events, server to client. */
export interface ServerToClientEvents {
  'state:snapshot': (snapshot: Snapshot) => void;
  'state:patch': (patch: StatePatch) => void;
  /** The connected displays, on connect and whenever one comes, goes or changes. */
  'displays:update': (displays: ConnectedDisplay[]) => void;
  /** Only from a relay (#17, docs/remote.md): whether the venue's link is up. The venue never sends it. */
  'relay:venue': (state: import('./relay').VenueLinkState) => void;
  /** To one display only (#19, `display.identify`): show this name, big, for `durationMs`. */
  'display:identify': (order: IdentifyOrder) => void;
  /** To one display only (`display.redirect`): go to this page of ours with these parameters. */
  'display:redirect': (order: RedirectOrder) => void;
  /** To one display only (`display.reload`): load the page again. */
  'display:reload': () => void;
  /** To every client, on connect and on every change (#19): the event's logo, accent and custom CSS. */
  'branding:update': (branding: import('./branding').BrandingInfo) => void;
}

/** What a socket presents in its handshake: `io(url, { auth: { token } })`. */
export interface HandshakeAuth {
  token?: string;
}

export interface SocketData {
  role: import('./roles').Role | null;
  /** The room whose channel the socket joined (#18; handshake query `room`, default `main`). */
  room?: string;
  /** Its token is a room's own (not the venue's): a venue token's rotation leaves it connected. */
  roomToken?: boolean;
}
