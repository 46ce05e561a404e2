import { apiError, type ApiError } from './errors';
import { HTTP_ROUTES, routeOf, type HttpRoutes, type RouteName, type RouteSpec } from './http-routes';
import { roomApiPath } from './rooms';

/**
 * The one HTTP client, derived from the route map (http-routes.ts): the console's panels and the
 * shell's File menu call the API through it. `fetch` and the token are given, so the contract
 * does no IO of its own.
 */
export type Answer<T> = { ok: true; body: T } | { ok: false; error: ApiError; body: unknown };

/** Routes the client calls (the trigger prefix is for hardware, not for our views). */
export type ClientRoute = Exclude<RouteName, 'trigger'>;

type BodyOf<K extends ClientRoute> = HttpRoutes[K]['body'] extends 'bytes' ? Blob | Uint8Array<ArrayBuffer> : HttpRoutes[K]['body'];
/** JSON answers are parsed; a `bytes` answer is the file as it came. */
type AnswerOf<K extends ClientRoute> = HttpRoutes[K]['answer'] extends 'bytes' ? ArrayBuffer : Exclude<HttpRoutes[K]['answer'], 'bytes'>;

export type CallInput<K extends ClientRoute> = ([HttpRoutes[K]['body']] extends [never] ? { body?: never } : { body: BodyOf<K> }) &
  ([HttpRoutes[K]['query']] extends [never] ? { query?: never } : { query?: HttpRoutes[K]['query'] });

export interface HttpClientOptions {
  /** The server's origin ('' in a page the server served). */
  base: string;
  /** The bearer token now (the console's control token), or null to send none. */
  token: () => string | null;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** An `offline` error's message when the server cannot be reached. */
  offline?: (error: unknown) => string;
  /** The room a per-room route acts in (#18): its `/api/v1/rooms/<id>/…` path; absent or `main`: today's path. */
  room?: () => string;
}

const BYTES_ANSWERS: ReadonlySet<ClientRoute> = new Set<ClientRoute>(['agendaExport', 'brandingLogo', 'brandingCss']);
const isBytesAnswer = (name: ClientRoute, query: Record<string, string | undefined> | undefined): boolean =>
  BYTES_ANSWERS.has(name) || (name === 'report' && (query?.format !== 'json' || query.download !== undefined));

/** The query string of `query`, without the parameters left undefined. */
export function queryString(query: Record<string, string | undefined> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function httpClient(o: HttpClientOptions) {
  return async function call<K extends ClientRoute>(name: K, input: CallInput<K> = {} as CallInput<K>): Promise<Answer<AnswerOf<K>>> {
    const { method, path: mainPath } = routeOf(name);
    const room = o.room?.();
    const path = room !== undefined && (HTTP_ROUTES[name] as RouteSpec).perRoom ? roomApiPath(room, mainPath) : mainPath;
    const { body, query } = input as { body?: unknown; query?: Record<string, string | undefined> };
    const token = o.token();
    const bytes = body instanceof Uint8Array || (typeof Blob !== 'undefined' && body instanceof Blob);
    const headers: Record<string, string> = {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': bytes ? 'application/octet-stream' : 'application/json' }),
    };
    let res: Response;
    try {
      res = await o.fetch(`${o.base}${path}${queryString(query)}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: bytes ? (body as NonNullable<RequestInit['body']>) : JSON.stringify(body) }),
      });
    } catch (error) {
      return { ok: false, error: apiError('offline', o.offline?.(error) ?? 'the server cannot be reached'), body: null };
    }
    if (res.ok && isBytesAnswer(name, query)) return { ok: true, body: (await res.arrayBuffer()) as AnswerOf<K> };
    const parsed: unknown = await res.json().catch(() => null);
    if (res.ok && parsed !== null) return { ok: true, body: parsed as AnswerOf<K> };
    const error = (parsed as { error?: ApiError } | null)?.error ?? apiError('internal', `HTTP ${res.status}`);
    return { ok: false, error, body: parsed };
  };
}

export type HttpCall = ReturnType<typeof httpClient>;
