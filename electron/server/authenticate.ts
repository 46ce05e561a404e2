import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../shared/contract/http';
import { ROLES, type Role } from '../../shared/contract/roles';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import { isTrustedRequest } from './request-guard';
import { keyForToken, type Tokens } from './tokens';

/** Where a caller put its token: the `Authorization: Bearer` header, the `?token=` of a link, or the socket.io handshake. */
export type TokenSource = 'bearer' | 'query' | 'handshake';

/** A token a caller presented, and the role it grants (null: it matches none). */
export interface Presented<R extends string> {
  token: string;
  role: R | null;
  /**
   * The one room this token may act in (#18, docs/rooms.md): a room's own token, or the venue's
   * booth and view tokens (`main`). Absent: every room (the venue's control token, the producer's),
   * or no room at all (a remote token, an unknown token).
   */
  room?: string;
}

/**
 * Who is calling, decided once per request or socket: the role each presented token grants, and
 * whether the caller is on a trusted address (`--trusted-addresses`, default this machine). The
 * routes' rules (access.ts) read only this; none matches tokens itself.
 */
export interface Principal<R extends string = Role> {
  /** Which set of tokens was checked: the venue's roles, or a relay's remote links. */
  kind: 'venue' | 'remote';
  /** The role of the first valid token (bearer, then query, or the handshake's); null: none. */
  role: R | null;
  /** Each token presented, by where. A malformed Authorization header is a bearer token ''. */
  presented: Partial<Record<TokenSource, Presented<R>>>;
  trusted: boolean;
}

/** The token of an `Authorization: Bearer <token>` header: null without the header, '' when it is malformed. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? '';
}

/** A socket.io handshake (`auth: {token}`); a socket's `handshake` and `request` carry it. */
export interface Handshake {
  handshake: { auth: unknown };
  request: IncomingMessage;
}

const isHandshake = (from: IncomingMessage | Handshake): from is Handshake => 'handshake' in from;

function handshakeToken(auth: unknown): string | null {
  const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
  if (token === undefined || token === null || token === '') return null;
  // Anything but a string is a token that matches nothing.
  return typeof token === 'string' ? token : '\0';
}

/** The tokens a request or socket presents, by where; a `?token=` that is empty counts as none. */
function presentedTokens(from: IncomingMessage | Handshake): Partial<Record<TokenSource, string>> {
  if (isHandshake(from)) {
    const token = handshakeToken(from.handshake.auth);
    return token === null ? {} : { handshake: token };
  }
  const bearer = bearerToken(from);
  const query = new URL(from.url ?? '/', 'http://localhost').searchParams.get(TOKEN_PARAM);
  return { ...(bearer === null ? {} : { bearer }), ...(query === null || query === '' ? {} : { query }) };
}

function principalOf<R extends string>(
  from: IncomingMessage | Handshake,
  kind: Principal['kind'],
  match: (token: string) => R | null | { role: R; room: string },
): Principal<R> {
  const presented: Partial<Record<TokenSource, Presented<R>>> = {};
  for (const [source, token] of Object.entries(presentedTokens(from)) as [TokenSource, string][]) {
    const found = token === '' ? null : match(token);
    presented[source] = found !== null && typeof found === 'object' ? { token, role: found.role, room: found.room } : { token, role: found };
  }
  const role = presented.bearer?.role ?? presented.query?.role ?? presented.handshake?.role ?? null;
  const req = isHandshake(from) ? from.request : from;
  return { kind, role, presented, trusted: isTrustedRequest(req) };
}

/** A room's own tokens (electron/rooms/room-registry.ts): the room and role a token gives there. */
export interface RoomTokenMatcher {
  match(token: string): { room: string; role: Role } | null;
}

/**
 * The venue's caller: a request or socket, against the three roles' tokens (compared in constant
 * time), then every room's own tokens. The venue's booth and view tokens are the `main` room's;
 * its control token is the producer's, for every room.
 */
export function authenticate(from: IncomingMessage | Handshake, tokens: Tokens, rooms?: RoomTokenMatcher): Principal {
  return principalOf(from, 'venue', (token) => {
    const role = keyForToken(tokens, ROLES, token);
    if (role === 'control') return role;
    if (role !== null) return rooms ? { role, room: MAIN_ROOM } : role;
    return rooms?.match(token) ?? null;
  });
}

/**
 * A relay's caller, against the remote links' tokens; null tokens: the venue has not linked yet
 * (every token matches nothing).
 */
export function authenticateRemote<R extends string>(from: IncomingMessage | Handshake, tokens: Record<R, string | null> | null, keys: readonly R[]): Principal<R> {
  return principalOf(from, 'remote', (token) => (tokens === null ? null : keyForToken(tokens, keys, token)));
}
