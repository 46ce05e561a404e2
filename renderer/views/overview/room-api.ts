import { httpClient } from '../../../shared/contract/http-client';
import { takeToken } from '../../app/token';

/** The typed HTTP client acting in one room (its `/api/v1/rooms/<id>/…` routes), with the producer's token. */
export const roomApi = (room: string) =>
  httpClient({ base: '', token: () => takeToken('moderator') ?? null, fetch: (url, init) => fetch(url, init), room: () => room });
