import type { ApiError } from './errors';

/** HTTP API v1 (docs/api.md). Paths, methods, bodies. */
export const API_PREFIX = '/api/v1';

export interface HealthResponse {
  ok: true;
  name: 'rostrum';
  version: string;
  revision: number;
  serverTime: number;
}

/** Every route, typed once: http-routes.ts. */
export type { HttpRoutes, RouteName } from './http-routes';

/** The body of every HTTP error (4xx, 5xx). */
export interface HttpErrorBody {
  error: ApiError;
}

/** The views the server serves, one per role of the audience in the room. */
export const VIEWS = ['moderator', 'speaker', 'booth'] as const;
export type View = (typeof VIEWS)[number];

/**
 * The read-only outputs of #19 (docs/outputs.md): the stream's lower third, the studio clock and the
 * crew's phone page. Each is its own page and bundle, opened with the view token; the desktop app
 * opens no window for them (they run in OBS, on a studio screen, on a phone).
 */
export const OUTPUT_VIEWS = ['lower-third', 'clock', 'crew'] as const;
export type OutputView = (typeof OUTPUT_VIEWS)[number];
/** Every page a display can load, each with a bundle of its own. */
export const PAGE_VIEWS = [...VIEWS, ...OUTPUT_VIEWS] as const;
export type PageView = (typeof PAGE_VIEWS)[number];

/**
 * The read-only pages the console's network panel links to (#19, docs/outputs.md): the audience
 * screen and the outputs, each opened with the view token.
 */
export const OUTPUT_PAGES = ['audience', ...OUTPUT_VIEWS] as const;
export type OutputPage = (typeof OUTPUT_PAGES)[number];
/** An output page's path: the audience screen is `/audience` (the speaker bundle), the others `/<page>`. */
export const outputPath = (page: OutputPage): string => (page === 'audience' ? AUDIENCE_PATH : `/${page}`);

/** The role whose token each view's link carries. */
export const VIEW_ROLE = { moderator: 'control', speaker: 'view', booth: 'booth' } as const;

/** Query parameter that carries a token in a view link; the page removes it from the address bar. */
export const TOKEN_PARAM = 'token';
/** `/speaker?item=<id>`: an online speaker's personal page (#17, docs/remote.md). */
export const PERSONAL_ITEM_PARAM = 'item';
/**
 * The webinar audience's read-only page (#17): now, next, agenda. Served from the speaker view's
 * bundle (`speaker.html`), with the view token at the venue and the remote audience token on a relay.
 */
export const AUDIENCE_PATH = '/audience';
