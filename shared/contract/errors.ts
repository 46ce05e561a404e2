/**
 * Every refusal carries a code (views translate it), a message in English (logs, curl users)
 * and the path of the offending field ('' when no single field is at fault).
 */
export const ERROR_CODES = [
  'invalid', // the payload does not match the contract
  'unknown-command',
  'unknown-item',
  'unknown-session',
  'stale-item', // expectedItemId no longer matches: someone else moved on
  'no-current-item',
  'item-skipped',
  'item-is-current',
  'nothing-to-recover',
  'unknown-request',
  'nothing-to-undo',
  'edits-not-allowed',
  'unauthorized', // no or unknown token
  'forbidden', // the token's role may not do this
  'too-large',
  'rate-limited',
  'not-found',
  'persist-failed',
  'offline', // client side: the click was made while disconnected
  'timeout', // client side: no answer in time
  'internal',
  'venue-unavailable', // on a relay: the venue's link is down, nothing was sent to it
  'unknown-display', // display.*: no display with that id is connected
  'end-by-item', // time added to an item that ends by a time of day: move its end instead
  'nothing-to-hold', // a hold or release trigger with no session waiting to start by itself (or none held)
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  path: string;
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  'unknown-command': 400,
  'unknown-item': 400,
  'unknown-session': 400,
  'stale-item': 409,
  'no-current-item': 409,
  'item-skipped': 409,
  'item-is-current': 409,
  'nothing-to-recover': 409,
  'unknown-request': 400,
  'nothing-to-undo': 409,
  'edits-not-allowed': 403,
  unauthorized: 401,
  forbidden: 403,
  'too-large': 413,
  'rate-limited': 429,
  'not-found': 404,
  'persist-failed': 500,
  offline: 503,
  timeout: 504,
  internal: 500,
  'venue-unavailable': 503,
  'unknown-display': 404,
  'end-by-item': 409,
  'nothing-to-hold': 409,
};

export const apiError = (code: ErrorCode, message: string, path = ''): ApiError => ({ code, message, path });

/** Thrown inside the server and engine; turned into an ApiError at the edge. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path = '',
  ) {
    super(message);
    this.name = 'CommandError';
  }
  toApiError(): ApiError {
    return apiError(this.code, this.message, this.path);
  }
}
