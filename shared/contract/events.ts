import type { CommandAck, CommandInput } from './commands';
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
}

/** socket.io events, server to client. */
export interface ServerToClientEvents {
  'state:snapshot': (snapshot: Snapshot) => void;
  'state:patch': (patch: StatePatch) => void;
}

/** What a socket presents in its handshake: `io(url, { auth: { token } })`. */
export interface HandshakeAuth {
  token?: string;
}

export interface SocketData {
  role: import('./roles').Role | null;
}
