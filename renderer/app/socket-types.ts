import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/events';

export type RostrumSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
