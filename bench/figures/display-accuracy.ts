import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../lib/browser';
import { startLatencyProxy } from '../lib/latency-proxy';
import type { BenchRow } from '../lib/result';
import { sendCommand, startBenchServer, type BenchServer } from '../lib/server';
import { ms, summary } from '../lib/stats';

// The page-side code below runs in Chromium; these are the browser globals it touches.
declare const document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };

export const SKEW_MS = 3700;
const LATENCY_MS = 80;

/**
 * Shifts the page's clocks by `skew` ms and keeps the real one for measuring. Runs before any page
 * script. A string, not a function: tsx's transform would wrap a function with helpers the page lacks.
 */
const skewClocks = (skew: number): string => `
  (() => {
    const realNow = performance.now.bind(performance);
    const realDate = Date.now;
    Object.defineProperty(window, '__realNow', { value: () => performance.timeOrigin + realNow() });
    performance.now = () => realNow() + ${skew};
    Date.now = () => realDate() + ${skew};
  })();
`;

/** Records the digits shown at every animation frame, with the real time of the frame (a string, as above). */
const recordFrames = (durationMs: number): string => `
  new Promise((resolve) => {
    const el = document.querySelector('[data-testid="clock-remaining"]');
    const frames = [];
    const end = window.__realNow() + ${durationMs};
    const tick = () => {
      frames.push([window.__realNow(), el ? el.textContent : '']);
      if (window.__realNow() < end) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  })
`;

/** Seconds shown by `m:ss` / `h:mm:ss`; null for anything else (overtime, count-up labels). */
function shownSeconds(text: string): number | null {
  if (!/^\d+(:\d{2}){1,2}$/.test(text.trim())) return null;
  return text.trim().split(':').map(Number).reduce((acc, p) => acc * 60 + p, 0);
}

/**
 * Opens `pageUrl` (a speaker view) in Chromium with its clocks skewed by +3.7 s, starts the clock on
 * `venue` (a 10-minute item) and records every animation frame for `seconds`. Error of a frame = how far
 * (in real time) it is from the interval in which the digits it shows are right on the venue's clock
 * (0 inside it). Also used through a relay (remote-display.ts).
 */
export async function displayErrors(browser: Browser, venue: BenchServer, pageUrl: string, seconds: number): Promise<number[]> {
  await sendCommand(venue, { type: 'item.update', itemId: 'open-local-gov', patch: { durationSec: 600 } });
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.addInitScript({ content: skewClocks(SKEW_MS) });
    await page.goto(pageUrl);
    await page.locator('[data-testid="clock-remaining"]').waitFor();
    await sendCommand(venue, { type: 'start' });
    const state = (await (await fetch(`${venue.url}/api/v1/state`)).json()) as {
      clock: { runningSince: number; accumulatedMs: number; durationMs: number };
    };
    // Let the offset estimate settle over a few pings, as a real display would before the talk.
    await page.waitForFunction(() => document.querySelector('[data-testid="view-root"]')?.getAttribute('data-status') === 'running');
    await page.waitForTimeout(4000);
    const frames = (await page.evaluate(recordFrames(seconds * 1000))) as [number, string][];
    const { runningSince, accumulatedMs, durationMs } = state.clock;
    const zeroAt = runningSince + durationMs - accumulatedMs; // real instant at which remaining = 0
    const errors: number[] = [];
    for (const [t, text] of frames) {
      const d = shownSeconds(text);
      if (d === null) continue;
      // Digits d are right while remaining ∈ (d−1, d] s, i.e. t ∈ [zeroAt − d s, zeroAt − (d−1) s).
      const from = zeroAt - d * 1000;
      const to = zeroAt - (d - 1) * 1000;
      errors.push(t < from ? from - t : t >= to ? t - to : 0);
    }
    return errors;
  } finally {
    await page.close();
  }
}

/** The speaker display against the authoritative clock: page clock skewed by +3.7 s, 80 ms each way on the link. */
export async function displayAccuracyRows(seconds = 30): Promise<BenchRow[]> {
  // The page reaches the server through the proxy's port: allow that Host (any port of 127.0.0.1).
  const server = await startBenchServer(['--allowed-hosts', '127.0.0.1']);
  const proxy = await startLatencyProxy(server.port, LATENCY_MS);
  const browser = await launchChromium();
  try {
    const s = summary(await displayErrors(browser, server, `http://127.0.0.1:${proxy.port}/speaker?token=${server.tokens.view}`, seconds));
    return [
      {
        figure: `speaker display vs authoritative clock (${s.n} frames, +${SKEW_MS / 1000} s skew, ${LATENCY_MS} ms each way): p99 error`,
        target: '≤ 20 ms',
        measured: ms(s.p99, 1),
        pass: s.p99 <= 20,
      },
      { figure: 'worst frame showing the wrong second', target: '≤ 50 ms', measured: ms(s.max, 1), pass: s.max <= 50 },
    ];
  } finally {
    await browser.close();
    await proxy.close();
    await server.stop();
  }
}
