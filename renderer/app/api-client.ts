import { httpClient } from '../../shared/contract/http-client';
import { roomOfPath } from '../../shared/contract/rooms';
import { takeToken } from './token';

/**
 * The views' HTTP client, derived from the contract's route map: the console's panels call the
 * API only through it, with the console's control token (kept in session storage once the page
 * has read it from its link).
 */
export const api = httpClient({
  base: '',
  token: () => takeToken('moderator') ?? null,
  // `/r/<id>/moderator` acts in room <id> (#18); every other path in `main`.
  room: () => roomOfPath(window.location.pathname),
  fetch: (url, init) => fetch(url, init),
});
