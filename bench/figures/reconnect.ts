import type { Page } from 'playwright-core';
import { startFreezeProxy } from '../../tests/helpers/freeze-proxy';
import { startServer, type StartedServer } from '../../tests/helpers/server-process';
import { launchChromium } from '../lib/browser';
import type { BenchRow } from '../lib/result';
import { ms, summary } from '../lib/stats';

const RESTARTS = 5;
const FREEZES = 5;

// Selectors, not page functions: the views' CSP forbids evaluating strings, and tsx would wrap a
// function with helpers the page lacks. Playwright watches selectors with a mutation observer.
const linkIs = (state: string): string => `[data-testid="connection"][data-link="${state}"]`;
const statusIs = (status: string): string => `[data-testid="view-root"][data-status="${status}"]`;

/** Milliseconds until every selector matches in the page. */
async function timeUntil(page: Page, ...selectors: string[]): Promise<number> {
  const t0 = performance.now();
  for (const selector of selectors) await page.waitForSelector(selector, { state: 'attached', timeout: 30_000 });
  return performance.now() - t0;
}

async function command(server: StartedServer, body: object): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`command ${JSON.stringify(body)} failed: ${res.status}`);
}

/**
 * Reconnection, as a speaker monitor lives it (#8):
 * - the server is killed and restarted: time from its ready line to the monitor being online again
 *   with the current state, without a reload;
 * - the link goes silent (a frozen TCP proxy; the socket stays open): time until the monitor says
 *   offline, and, after a change made meanwhile, time from the link's return to showing it — for a
 *   short freeze (the socket survives) and a long one (the monitor has dropped it and reconnects).
 */
export async function reconnectRows(): Promise<BenchRow[]> {
  let server = await startServer({ args: ['--allowed-hosts', '127.0.0.1'] });
  const browser = await launchChromium();
  const proxy = await startFreezeProxy(server.port);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${proxy.port}/speaker?token=${server.tokens.view}`);
    await timeUntil(page, linkIs('online'));

    const detect: number[] = [];
    const shortResync: number[] = [];
    for (let i = 0; i < FREEZES; i += 1) {
      proxy.freeze();
      detect.push(await timeUntil(page, linkIs('offline')));
      const want = i % 2 === 0 ? 'running' : 'paused';
      await command(server, { type: i % 2 === 0 ? (i === 0 ? 'start' : 'resume') : 'pause' });
      proxy.resume();
      shortResync.push(await timeUntil(page, statusIs(want), linkIs('online')));
    }

    const before = proxy.connections();
    proxy.freeze();
    await command(server, { type: 'pause' });
    const waitForRedial = Date.now();
    while (proxy.connections() === before && Date.now() - waitForRedial < 15_000) await page.waitForTimeout(50);
    proxy.resume();
    const longResync = await timeUntil(page, statusIs('paused'), linkIs('online'));

    // Restarts, with the monitor connected straight to the server.
    await page.goto(`${server.url}/speaker?token=${server.tokens.view}`);
    await timeUntil(page, linkIs('online'));
    const restart: number[] = [];
    for (let i = 0; i < RESTARTS; i += 1) {
      await server.kill();
      await timeUntil(page, linkIs('offline'));
      server = await server.restart();
      restart.push(await timeUntil(page, linkIs('online')));
    }

    const d = summary(detect);
    const s = summary(shortResync);
    const r = summary(restart);
    return [
      { figure: `silent link: shown offline after the freeze (p50 / max, ${FREEZES} freezes)`, target: '≤ 3 s', measured: `${ms(d.p50, 0)} / ${ms(d.max, 0)}`, pass: d.max <= 3000 },
      { figure: 'silent link: change shown after the link returns, short freeze (p50 / max)', target: '≤ 2 s', measured: `${ms(s.p50, 0)} / ${ms(s.max, 0)}`, pass: s.max <= 2000 },
      { figure: 'silent link: change shown after the link returns, long freeze (reconnected)', target: '≤ 2 s', measured: ms(longResync, 0), pass: longResync <= 2000 },
      { figure: `server restart: monitor online again after the server is ready (p50 / max, ${RESTARTS} restarts)`, target: '≤ 2 s', measured: `${ms(r.p50, 0)} / ${ms(r.max, 0)}`, pass: r.max <= 2000 },
    ];
  } finally {
    await proxy.close();
    await browser.close();
    await server.stop();
  }
}
