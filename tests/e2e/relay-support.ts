import type { Page } from '@playwright/test';
import { startRelay, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import { SERVER_DOWN_ERRORS, expect, test as base } from './fixtures';

export { expect };

/**
 * Records what must not happen on a remote page into `problems`: a CSP violation, a console error
 * other than the browser's own while a server is down, an uncaught exception.
 */
export async function watchRemotePage(page: Page, problems: string[]): Promise<void> {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && (msg.text().startsWith('securitypolicyviolation') || !SERVER_DOWN_ERRORS.test(msg.text()))) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
}

interface RelayFixtures {
  /** Start the venue with `--relay`/`--relay-key` for the test's relay (false: the test links it, e.g. from the console). */
  linkVenue: boolean;
  /** What went wrong on the test's remote pages; must be empty once the test, its relay and its venue are done. */
  remoteProblems: string[];
  /** Watches `page` into remoteProblems, then opens `link` in it. */
  openRemote: (page: Page, link: string) => Promise<Page>;
  /** A fresh relay (free port, fresh data dir, its own key); it and every restart of it are killed after the test. */
  relay: StartedRelay;
  /** A fresh venue server, linked to `relay` unless linkVenue is false; it and every restart of it are killed after the test. */
  venue: StartedServer;
}

interface Restartable<T> {
  kill(): Promise<unknown>;
  restart(): Promise<T>;
}

/** `started`, recorded in `live`, whose restarts are recorded there too: a test may restart what teardown must kill. */
function tracked<T extends Restartable<T>>(started: T, live: Restartable<unknown>[]): T {
  live.push(started);
  return { ...started, restart: async () => tracked(await started.restart(), live) };
}

async function killAll(live: Restartable<unknown>[]): Promise<void> {
  for (const started of live.reverse()) await started.kill();
}

export const test = base.extend<RelayFixtures>({
  linkVenue: [true, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  remoteProblems: async ({}, use) => {
    const problems: string[] = [];
    await use(problems);
    expect(problems, 'no CSP violations, console errors or uncaught exceptions').toEqual([]);
  },

  openRemote: async ({ remoteProblems }, use) => {
    await use(async (page, link) => {
      await watchRemotePage(page, remoteProblems);
      await page.goto(link);
      return page;
    });
  },

  // Depends on remoteProblems so that the problems are checked after the relay is gone, as a page
  // may still log while it goes.
  relay: async ({ remoteProblems: _ }, use) => {
    const live: Restartable<unknown>[] = [];
    try {
      await use(tracked(await startRelay(), live));
    } finally {
      await killAll(live);
    }
  },

  venue: async ({ relay, linkVenue }, use) => {
    const live: Restartable<unknown>[] = [];
    try {
      await use(tracked(await startServer({ args: linkVenue ? ['--relay', relay.url, '--relay-key', relay.key] : [] }), live));
    } finally {
      await killAll(live);
    }
  },
});
