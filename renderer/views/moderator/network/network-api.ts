import type { OscBody } from '../../../../shared/contract/osc';
import type { RelayBody, RemoteRole } from '../../../../shared/contract/relay';
import type { Role } from '../../../../shared/contract/roles';
import type { RoomTokens } from '../../../../shared/contract/rooms';
import { api } from '../../../app/api-client';

/** The network panel's calls, through the one typed client (shared/contract/http-client.ts). */
export type { Answer } from '../../../../shared/contract/http-client';

export const fetchNetwork = () => api('network');
export const switchLan = (on: boolean) => api('lan', { body: { on } });
export const rotateToken = (role: Role) => api('rotateToken', { body: { role } });
export const fetchOsc = () => api('oscStatus');
export const changeOsc = (change: OscBody) => api('oscChange', { body: change });
export const fetchRelay = () => api('relay');
export const changeRelay = (change: RelayBody) => api('relayChange', { body: change });
export const rotateRemoteToken = (role: RemoteRole) => api('relayRotate', { body: { role } });
/** On a room's console (`/r/<id>/moderator`): that room's display links and its own tokens (#18). */
export const fetchRoomLinks = () => api('roomLinks');
export const rotateRoomToken = (role: keyof RoomTokens) => api('rotateRoomToken', { body: { role } });
