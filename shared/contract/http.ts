import type { CommandAck, CommandInput } from './commands';
import type { ApiError } from './errors';
import type { LanBody, NetworkInfo, RotateBody, RotateResponse } from './network';
import type { RelayStatus } from './relay';
import type { Snapshot } from './state';

/** HTTP API v1 (docs/api.md). Paths, methods, bodies. */
export const API_PREFIX = '/api/v1';

export interface HealthResponse {
  ok: true;
  name: 'rostrum';
  version: string;
  revision: number;
  serverTime: number;
}

export interface HttpRoutes {
  'GET /api/v1/health': { body: never; response: HealthResponse };
  'GET /api/v1/state': { body: never; response: Snapshot };
  'POST /api/v1/commands': { body: CommandInput; response: CommandAck };
  'GET /api/v1/network': { body: never; response: NetworkInfo };
  'POST /api/v1/network/lan': { body: LanBody; response: NetworkInfo };
  'POST /api/v1/tokens/rotate': { body: RotateBody; response: RotateResponse };
  'GET /api/v1/relay': { body: never; response: RelayStatus };
}

/** The body of every HTTP error (4xx, 5xx). */
export interface HttpErrorBody {
  error: ApiError;
}

/** The views the server serves, one per role of the audience in the room. */
export const VIEWS = ['moderator', 'speaker', 'booth'] as const;
export type View = (typeof VIEWS)[number];

/** The role whose token each view's link carries. */
export const VIEW_ROLE = { moderator: 'control', speaker: 'view', booth: 'booth' } as const;

/** Query parameter that carries a token in a view link; the page removes it from the address bar. */
export const TOKEN_PARAM = 'token';
