import { io, type Socket } from 'socket.io-client';
import type { CommandAck, CommandInput } from '../../shared/contract/commands';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/events';
import type { Snapshot, StatePatch } from '../../shared/contract/state';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real socket.io-client, resolved with the snapshot the server sends on connect (listened for
 * before connecting, so it cannot be missed). Always websocket, no retries. `room`: the room's
 * channel to join (#18), `main` when absent.
 */
/**
 * A socket once its first snapshot came. `patches`: every patch it was sent from the start, heard
 * from the moment it connects (a patch read in the same chunk as the snapshot is not missed).
 */
export function connectSocket(url: string, token?: string, room?: string): Promise<{ socket: TestSocket; snapshot: Snapshot; patches: StatePatch[] }> {
  const socket: TestSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(token !== undefined ? { auth: { token } } : {}),
    // The room's channel (#18); absent: `main`.
    ...(room !== undefined ? { query: { room } } : {}),
  });
  const patches: StatePatch[] = [];
  socket.on('state:patch', (patch) => patches.push(patch));
  return new Promise((resolve, reject) => {
    socket.once('state:snapshot', (snapshot) => resolve({ socket, snapshot, patches }));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function sendCommand(socket: TestSocket, command: CommandInput | Record<string, unknown>): Promise<CommandAck> {
  return new Promise((resolve) => socket.emit('command', command as CommandInput, resolve));
}

export function nextEvent<E extends 'state:snapshot' | 'state:patch'>(
  socket: TestSocket,
  event: E,
  predicate: (payload: E extends 'state:snapshot' ? Snapshot : StatePatch) => boolean = () => true,
): Promise<E extends 'state:snapshot' ? Snapshot : StatePatch> {
  return new Promise((resolve) => {
    const handler = (payload: never) => {
      if (!predicate(payload)) return;
      socket.off(event, handler as never);
      resolve(payload);
    };
    socket.on(event, handler as never);
  });
}
