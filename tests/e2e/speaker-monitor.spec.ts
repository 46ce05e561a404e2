import type { Page } from '@playwright/test';
import { formatClock } from '../../shared/clock/format';
import { instant } from '../../shared/time/instant';
import { timeOfDayIn } from '../../shared/time/zoned-time';
import { apiClient } from '../helpers/api-client';
import type { StartedServer } from '../helpers/server-process';
import { secondsShown } from './speaker-support';
import { expect, test, viewUrl } from './fixtures';

/** The sample's first item: 7 minutes, in Chinese. */
const FIRST = 'open-local-gov';

const control = (server: StartedServer) => apiClient(server.url, server.tokens.control);

function monitor(page: Page) {
  return {
    root: page.getByTestId('view-root'),
    digits: page.getByTestId('clock-remaining'),
    phase: page.getByTestId('phase-label'),
    status: page.getByTestId('status-label'),
    message: page.getByTestId('speaker-message'),
    progress: page.getByTestId('speaker-progress'),
  };
}

/** Pins the monitor to English (the first speaker talks Chinese, so it starts in Chinese). */
async function openEnglish(openView: (v: 'speaker') => Promise<Page>) {
  const page = await openView('speaker');
  await page.getByTestId('lang-en').click();
  return page;
}

test('phase words at the thresholds, including an item whose danger threshold is its own', async ({ server, openView }) => {
  const api = control(server);
  const page = await openEnglish(openView);
  const m = monitor(page);

  // Start and pause at once: the clock holds still, so each duration lands exactly on a threshold.
  await api.command({ type: 'start', expectedItemId: FIRST });
  await api.command({ type: 'pause', expectedItemId: FIRST });
  const elapsed = (await api.state()).clock.accumulatedMs;
  await expect(m.status).toHaveText('PAUSED');

  const cases = [
    { patch: { durationSec: 121 }, phase: 'normal', word: null },
    { patch: { durationSec: 120 }, phase: 'warning', word: 'WRAP UP' },
    { patch: { durationSec: 31 }, phase: 'warning', word: 'WRAP UP' },
    { patch: { durationSec: 30 }, phase: 'danger', word: 'FINAL 0:30' },
    { patch: { durationSec: 46, dangerSec: 45 }, phase: 'warning', word: 'WRAP UP' },
    { patch: { durationSec: 45 }, phase: 'danger', word: 'FINAL 0:45' },
  ] as const;
  for (const { patch, phase, word } of cases) {
    expect((await api.command({ type: 'item.update', itemId: FIRST, patch })).status).toBe(200);
    await expect(m.digits).toHaveText(formatClock(patch.durationSec * 1000 - elapsed));
    await expect(m.root).toHaveAttribute('data-phase', phase);
    if (word === null) await expect(m.phase).toHaveCount(0);
    else await expect(m.phase).toHaveText(word);
  }

  // And live: running, the clock crosses into danger and then overtime by itself.
  await api.command({ type: 'item.update', itemId: FIRST, patch: { durationSec: 47 } });
  await expect(m.phase).toHaveText('WRAP UP');
  await api.command({ type: 'resume', expectedItemId: FIRST });
  await expect(m.status).toHaveCount(0);
  await expect(m.phase).toHaveText('FINAL 0:45', { timeout: 4_000 });
  await expect(m.digits).toHaveText(/^0:4\d$/);
  await api.command({ type: 'adjust', seconds: -43, expectedItemId: FIRST });
  await expect(m.phase).toHaveText('TIME UP', { timeout: 4_000 });
  await expect(m.root).toHaveAttribute('data-phase', 'overtime');
});

test('overtime shows a plus sign and counts up; an item without a duration counts up and says so', async ({ server, openView }) => {
  const api = control(server);
  const page = await openEnglish(openView);
  const m = monitor(page);

  await api.command({ type: 'start', expectedItemId: FIRST });
  await api.command({ type: 'adjust', seconds: -423, expectedItemId: FIRST });
  await expect(m.root).toHaveAttribute('data-phase', 'overtime');
  await expect(m.digits).toHaveText(/^\+0:\d\d$/);
  const shown = await secondsShown(m.digits);
  await expect.poll(() => secondsShown(m.digits)).toBeGreaterThanOrEqual(shown + 2);
  await expect(m.digits).toHaveText(/^\+0:\d\d$/);
  await expect(m.digits).toHaveAttribute('data-counts-up', 'false');
  await expect(m.progress).toHaveAttribute('aria-valuenow', '0');

  await api.command({ type: 'goto', itemId: 'close-martinez', expectedItemId: FIRST });
  await expect(page.getByTestId('current-speaker')).toHaveText('Cristina Martinez');
  await expect(m.digits).toHaveAttribute('data-counts-up', 'true');
  await expect(m.digits).toHaveAttribute('aria-label', 'Elapsed');
  expect(await secondsShown(m.digits)).toBeLessThan(5);
  // Going to it while the clock runs starts it at once; it counts up from zero.
  await expect(m.status).toHaveText('COUNTING UP');
  await expect(m.phase).toHaveCount(0);
  await expect(m.progress).toHaveCount(0);
  await expect.poll(() => secondsShown(m.digits)).toBeGreaterThanOrEqual(2);
});

test('idle and paused read as such, not as a frozen number', async ({ server, openView }) => {
  const api = control(server);
  const page = await openEnglish(openView);
  const m = monitor(page);

  await expect(m.root).toHaveAttribute('data-status', 'idle');
  await expect(m.status).toHaveText('NOT STARTED');
  await expect(m.digits).toHaveText('7:00');
  await expect(m.progress).toHaveAttribute('aria-valuenow', '100');

  await api.command({ type: 'start', expectedItemId: FIRST });
  await expect(m.status).toHaveCount(0);
  await expect(m.digits).toHaveText(/^6:5\d$/);
  await api.command({ type: 'pause', expectedItemId: FIRST });
  await expect(m.status).toHaveText('PAUSED');
  // A paused clock is drawn dimmer than a running one.
  const opacity = await m.digits.evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(opacity).toBeLessThan(1);
});

test('the moderator’s message overlays the monitor, the timer stays visible and smaller, and clears', async ({ server, openView }) => {
  const api = control(server);
  const page = await openEnglish(openView);
  const m = monitor(page);
  await expect(m.digits).toHaveText('7:00');
  const before = (await m.digits.boundingBox())!;

  await api.command({ type: 'message.speaker', text: 'Please look at camera 2', flash: true });
  await expect(m.message).toHaveText('Please look at camera 2');
  await expect(m.message).toHaveAttribute('data-flash', 'true');
  await expect(m.message).toHaveAttribute('role', 'alert');
  await expect(m.digits).toBeVisible();
  await expect.poll(async () => (await m.digits.boundingBox())!.height).toBeLessThan(before.height * 0.8);
  const during = (await m.digits.boundingBox())!;
  expect(during.height).toBeGreaterThan(800 * 0.15);
  const messageBox = (await m.message.boundingBox())!;
  expect(messageBox.y + messageBox.height).toBeLessThanOrEqual(during.y);

  // It flashes once a second, five times (WCAG 2.3.1: at most three a second; 2.2.2: over in 5 s),
  // and nothing else on the monitor flashes faster either.
  const flash = await m.message.evaluate((el) => {
    const style = getComputedStyle(el);
    return { name: style.animationName, duration: style.animationDuration, count: style.animationIterationCount };
  });
  expect(flash).toEqual({ name: 'speaker-flash', duration: '1s', count: '5' });
  const periods = await page.evaluate(() =>
    document.getAnimations().map((a) => Number(a.effect?.getComputedTiming().duration ?? Infinity)),
  );
  for (const period of periods) expect(period).toBeGreaterThanOrEqual(1000 / 3);

  // A preset shows in the monitor's language, whatever language the console sent it in.
  await api.command({ type: 'message.speaker', text: '请准备结束发言', preset: 'wrap-up' });
  await expect(m.message).toHaveText('Please wrap up');
  await expect(m.message).toHaveAttribute('data-flash', 'false');
  await page.getByTestId('lang-zh').click();
  await expect(m.message).toHaveText('请准备结束发言');

  await api.command({ type: 'message.clear', target: 'speaker' });
  await expect(m.message).toHaveCount(0);
  await expect.poll(async () => (await m.digits.boundingBox())!.height).toBeCloseTo(before.height, 0);
});

test('blank turns the monitor black, with no cursor, and back', async ({ server, openView }) => {
  const api = control(server);
  const page = await openView('speaker');
  const m = monitor(page);
  await expect(m.digits).toHaveText('7:00');

  await api.command({ type: 'display.blank', blank: true });
  const blank = page.getByTestId('speaker-blank');
  await expect(blank).toBeVisible();
  await expect(m.digits).toHaveCount(0);
  await expect(page.getByTestId('current-speaker')).toHaveCount(0);
  const look = await blank.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { bg: getComputedStyle(el).backgroundColor, cursor: getComputedStyle(el).cursor, w: box.width, h: box.height };
  });
  expect(look).toEqual({ bg: 'rgb(0, 0, 0)', cursor: 'none', w: 1280, h: 800 });

  await api.command({ type: 'display.blank', blank: false });
  await expect(blank).toHaveCount(0);
  await expect(m.digits).toHaveText('7:00');
});

test('the language follows the speaker at the lectern, unless the display pins one', async ({ server, openView }) => {
  const api = control(server);
  const page = await openView('speaker');
  const m = monitor(page);

  // The first speaker talks Chinese.
  await expect(m.status).toHaveText('未开始');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('lang-auto')).toHaveAttribute('aria-pressed', 'true');
  await api.command({ type: 'goto', itemId: 'open-lee', expectedItemId: FIRST });
  await expect(m.status).toHaveText('NOT STARTED');

  // Pinned to Chinese: it stays, across speakers and a reload.
  await page.getByTestId('lang-zh').click();
  await expect(m.status).toHaveText('未开始');
  await api.command({ type: 'goto', itemId: 's1-martinez', expectedItemId: 'open-lee' });
  await expect(page.getByTestId('current-speaker')).toHaveText('Cristina Martinez');
  await expect(m.status).toHaveText('未开始');
  await page.reload();
  await expect(m.status).toHaveText('未开始');
  await expect(page.getByTestId('lang-zh')).toHaveAttribute('aria-pressed', 'true');

  // Auto again: it follows the speaker once more.
  await page.getByTestId('lang-auto').click();
  await expect(m.status).toHaveText('NOT STARTED');
  await api.command({ type: 'goto', itemId: 's1-wang', expectedItemId: 's1-martinez' });
  await expect(m.status).toHaveText('未开始');
});

test('the time of day, in the event’s time zone, by the server clock', async ({ server, openView }) => {
  const page = await openView('speaker');
  const { serverTime, agenda } = await control(server).state();
  const expected = [0, 60_000].map((d) => timeOfDayIn(instant(serverTime + d), agenda.timezone));
  await expect(page.getByTestId('time-of-day')).toHaveText(new RegExp(`^(${expected.join('|')})$`));
});

test('/speaker?bare=1 shows the timer alone', async ({ server, openView }) => {
  const page = await openView('speaker');
  await page.goto(`${viewUrl(server, 'speaker')}&bare=1`);
  const m = monitor(page);
  await expect(m.digits).toHaveText('7:00');
  await expect(m.status).toBeVisible();
  for (const id of ['current-speaker', 'next-speaker', 'time-of-day', 'connection', 'sound-toggle', 'lang-switch']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await control(server).command({ type: 'message.speaker', text: 'Only for the room' });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'idle');
  await expect(m.message).toHaveCount(0);
  const box = (await m.digits.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(800 * 0.5);
});

for (const viewport of [
  { width: 640, height: 360 },
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`the digits fill at least a quarter of ${viewport.width}×${viewport.height}, also overtime and hour-long`, async ({ server, openView }) => {
    const api = control(server);
    const page = await openView('speaker', { viewport });
    const m = monitor(page);
    const fits = async () => {
      const box = (await m.digits.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(viewport.height * 0.25);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      const overflow = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      expect(overflow).toEqual({ x: 0, y: 0 });
    };
    await expect(m.digits).toHaveText('7:00');
    await fits();
    await api.command({ type: 'item.update', itemId: FIRST, patch: { durationSec: 3600 } });
    await expect(m.digits).toHaveText('1:00:00');
    await fits();
    await api.command({ type: 'adjust', seconds: -3600 - 754, expectedItemId: FIRST });
    await expect(m.digits).toHaveText('+12:34');
    await fits();
  });
}

test('F and double-click toggle full screen; the cursor hides when idle', async ({ openView }) => {
  const page = await openView('speaker');
  const m = monitor(page);
  await expect(m.digits).toHaveText('7:00');
  const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);

  await page.keyboard.press('f');
  await expect.poll(fullscreen).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(fullscreen).toBe(false);
  await m.digits.dblclick();
  await expect.poll(fullscreen).toBe(true);
  await page.keyboard.press('Control+f');
  await expect.poll(fullscreen).toBe(true);

  const speaker = page.locator('.speaker');
  await page.mouse.move(200, 200);
  await expect(speaker).toHaveAttribute('data-cursor', 'shown');
  await expect(speaker).toHaveAttribute('data-cursor', 'hidden', { timeout: 5_000 });
  expect(await m.digits.evaluate((el) => getComputedStyle(el).cursor)).toBe('none');
  await page.mouse.move(300, 300);
  await expect(speaker).toHaveAttribute('data-cursor', 'shown');
});

test('keeps the screen awake where allowed, and never throws where the API is missing or refuses', async ({ openView, context }) => {
  const page = await openView('speaker');
  await expect(page.locator('.speaker')).toHaveAttribute('data-wake-lock', /^(held|refused)$/);

  // As on a LAN address over plain http: no Wake Lock API at all.
  await context.addInitScript(() => {
    if (location.search.includes('nowakelock')) Object.defineProperty(Navigator.prototype, 'wakeLock', { get: () => undefined });
    if (location.search.includes('throwing')) {
      Object.defineProperty(Navigator.prototype, 'wakeLock', {
        get: () => ({
          request: () => {
            throw new TypeError('not allowed here');
          },
        }),
      });
    }
  });
  await page.goto(`${page.url()}?nowakelock`);
  await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  await expect(page.locator('.speaker')).toHaveAttribute('data-wake-lock', 'unsupported');
  await page.goto(page.url().replace('nowakelock', 'throwing'));
  await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  await expect(page.locator('.speaker')).toHaveAttribute('data-wake-lock', 'refused');
});

test('the monitor’s page changes once a second while counting, not every frame', async ({ server, openView }) => {
  const page = await openView('speaker');
  const m = monitor(page);
  await control(server).command({ type: 'start', expectedItemId: FIRST });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await page.evaluate(() => {
    const w = window as unknown as { __mutations: number };
    w.__mutations = 0;
    new MutationObserver((records) => (w.__mutations += records.length)).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  const from = await secondsShown(m.digits);
  await expect.poll(() => secondsShown(m.digits)).toBeLessThanOrEqual(from - 2);
  const mutations = await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations);
  // Two or three ticks: the digits, the bar and its value each change once per tick. A page that
  // re-rendered every frame would show hundreds.
  expect(mutations).toBeGreaterThan(0);
  expect(mutations).toBeLessThanOrEqual(20);
});
