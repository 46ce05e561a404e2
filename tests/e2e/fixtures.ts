import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { VIEW_ROLE, type PageView, type View } from '../../shared/contract/http';
import { ROOT, startServer, type StartedServer } from '../helpers/server-process';

export { expect };

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** The token to put in the link instead of the view's own; '' leaves it out. */
  token?: string;
  /** Open the view through another address (a proxy, an allowed name) than the server's own. */
  baseUrl?: string;
  /** More query parameters for the link, e.g. `key=00b140&lang=en+zh` (the outputs of #19). */
  query?: string;
  /** Open this path and query instead of the view's own link (rooms, #18: `/r/<id>/speaker?token=…`, `/overview?token=…`). */
  path?: string;
}

interface Fixtures {
  /** A fresh server (free port, fresh data dir) for this test. */
  server: StartedServer;
  /** Opens a view with its token, in its own page, watched for CSP violations and console errors. */
  openView: (view: OpenedView, options?: OpenOptions) => Promise<Page>;
  /** Console errors a test expects (e.g. failed requests while the server is down); CSP violations never pass. */
  allowConsoleErrors: RegExp | null;
  /** Extra command-line flags for this test's server. */
  serverArgs: string[];
}

const BUILT_VIEW = join(ROOT, process.env['ROSTRUM_DIST'] ?? 'dist', 'renderer', 'speaker.html');

/** A page a test opens: a view, or the audience page (served from the speaker bundle at /audience). */
export type OpenedView = PageView | 'audience';

/** The role whose token a page's link carries: the outputs of #19 and the audience page are read-only, with the view token. */
const roleOf = (view: OpenedView) => (view in VIEW_ROLE ? VIEW_ROLE[view as View] : 'view');

export function viewUrl(server: StartedServer, view: OpenedView, token: string = server.tokens[roleOf(view)], baseUrl = server.url, query = ''): string {
  const params = [token === '' ? '' : `token=${encodeURIComponent(token)}`, query].filter((p) => p !== '').join('&');
  return `${baseUrl}/${view}${params === '' ? '' : `?${params}`}`;
}

/**
 * What a browser logs while the server is down or has just died: refused reconnects, and a
 * message (a time ping) sent in the instant between the socket closing and the page hearing of it.
 */
export const SERVER_DOWN_ERRORS = /ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|WebSocket is already in CLOSING or CLOSED state/;

export const test = base.extend<Fixtures>({
  allowConsoleErrors: [null, { option: true }],
  serverArgs: [[], { option: true }],

  server: async ({ serverArgs }, use) => {
    if (!existsSync(BUILT_VIEW)) throw new Error(`${BUILT_VIEW} is missing: run "npm run build" first`);
    const server = await startServer({ args: serverArgs });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },

  openView: async ({ context, server, allowConsoleErrors }, use) => {
    const problems: string[] = [];
    const pages: Page[] = [];

    await use(async (view, options = {}) => {
      const page = await context.newPage();
      pages.push(page);
      if (options.viewport) await page.setViewportSize(options.viewport);
      // Injected by the browser, outside the page's CSP; reports violations through the console.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
        });
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (!text.startsWith('securitypolicyviolation') && allowConsoleErrors?.test(text)) return;
        problems.push(`[${view}] console error: ${text}`);
      });
      page.on('pageerror', (err) => problems.push(`[${view}] uncaught: ${err.message}`));
      await page.goto(options.path !== undefined ? `${options.baseUrl ?? server.url}${options.path}` : viewUrl(server, view, options.token, options.baseUrl, options.query));
      return page;
    });

    for (const page of pages) await page.close();
    expect(problems, 'no CSP violations, console errors or uncaught exceptions').toEqual([]);
  },
});

/**
 * After the console renewed its own key (the server drops the socket that used the old one): the
 * panel closes with Escape, Start still works, and the console is online on the new key.
 */
export async function expectConsoleStillCommands(moderator: Page, panel: ReturnType<Page['getByTestId']>): Promise<void> {
  await moderator.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(async () => {
    await moderator.getByTestId('btn-start').click();
    await expect(moderator.getByTestId('view-root')).toHaveAttribute('data-status', 'running', { timeout: 1000 });
  }).toPass({ timeout: 5000 });
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
}
