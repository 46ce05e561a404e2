import type { DisplaysResponse } from '../../shared/contract/displays';
import type { Snapshot } from '../../shared/contract/state';
import { apiClient } from '../helpers/api-client';
import { setUpFixtureRooms } from '../helpers/rooms';
import { SERVER_DOWN_ERRORS, expect, test } from './fixtures';
import { pixelsOf } from './pixels';

/** The stream's lower third (#19, docs/outputs.md), as OBS's browser source would load it. */

const FULL_HD = { width: 1920, height: 1080 };
/** Corners and middle: never under the box (bottom-left) nor the offline notice (top-right, hidden when online). */
const BACKGROUND = [
  { x: 5, y: 5 },
  { x: 960, y: 300 },
  { x: 1900, y: 1070 },
  { x: 1500, y: 540 },
];

test('the background is transparent: html and body, and alpha 0 in the screenshot', async ({ openView, browser }) => {
  const page = await openView('lower-third', { viewport: FULL_HD });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
  const html = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).backgroundColor]);
  expect(html).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
  const png = await page.screenshot({ omitBackground: true });
  for (const p of await pixelsOf(browser, png, BACKGROUND)) expect(p.a).toBe(0);
});

test('?key=00b140 fills the background with exactly the key colour; a bad key says what is wrong', async ({ openView, browser }) => {
  const page = await openView('lower-third', { viewport: FULL_HD, query: 'key=00b140' });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
  const png = await page.screenshot({ omitBackground: true });
  for (const p of await pixelsOf(browser, png, BACKGROUND)) expect(p).toEqual({ r: 0x00, g: 0xb1, b: 0x40, a: 255 });

  const bad = await openView('lower-third', { viewport: FULL_HD, query: 'key=green' });
  await expect(bad.getByTestId('output-param-error')).toContainText('key: "green" is not a hex colour');
});

test('animates in when the next item starts, names the speaker in both scripts, and goes out after the hold time', async ({ openView, server, browser }) => {
  const api = apiClient(server.url, server.tokens.control);
  expect((await api.command({ type: 'settings.update', lowerThirdHoldSec: 3 })).status).toBe(200);
  const page = await openView('lower-third', { viewport: FULL_HD, query: 'lang=en' });
  const box = page.getByTestId('lower-third');
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
  await expect(box).toHaveAttribute('data-state', 'out');

  expect((await api.command({ type: 'start' })).status).toBe(200);
  expect((await api.command({ type: 'next' })).status).toBe(200);
  const state = await api.state();
  const item = state.agenda.sessions.flatMap((s) => s.items).find((i) => i.id === state.clock.currentItemId)!;
  await expect(box).toHaveAttribute('data-state', 'in');
  const inAt = Date.now();
  await expect(page.getByTestId('lower-third-name')).toHaveText(item.speaker.name || item.title);
  if (item.speaker.localName) await expect(box).toContainText(item.speaker.localName);
  if (item.speaker.organisation) await expect(box).toContainText(item.speaker.organisation);
  // On screen, the box is drawn where the background was transparent.
  await expect.poll(async () => (await pixelsOf(browser, await page.screenshot({ omitBackground: true }), [{ x: 140, y: 1080 - 140 }]))[0]!.a).toBeGreaterThan(0);

  await expect(box).toHaveAttribute('data-state', 'out', { timeout: 10_000 });
  // Out at the hold time, not before (the cue's instant is the server's; this page saw it a little later).
  expect(Date.now() - inAt).toBeGreaterThan(2_000);
  expect((await api.state()).display.lowerThird.cue?.itemId).toBe(item.id);
});

test('shown and hidden from the console; ?lang=zh puts the local script first', async ({ openView, server }) => {
  const api = apiClient(server.url, server.tokens.control);
  const state = await api.state();
  const item = state.agenda.sessions.flatMap((s) => s.items).find((i) => i.id === state.clock.currentItemId)!;
  const overlay = await openView('lower-third', { viewport: FULL_HD, query: 'lang=zh' });
  const console = await openView('moderator');
  const box = overlay.getByTestId('lower-third');
  await expect(box).toHaveAttribute('data-state', 'out');

  await console.getByTestId('btn-lower-third-show').click();
  await expect(box).toHaveAttribute('data-state', 'in');
  await expect(console.getByTestId('lower-third-on-air')).toHaveAttribute('data-on', 'true');
  await expect(overlay.getByTestId('lower-third-name')).toHaveText(item.speaker.localName || item.speaker.name || item.title);
  await expect(overlay.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await console.getByTestId('btn-lower-third-hide').click();
  await expect(box).toHaveAttribute('data-state', 'out');
  await expect(console.getByTestId('lower-third-on-air')).toHaveAttribute('data-on', 'false');

  await console.getByTestId('lower-third-hold').fill('0');
  await console.getByTestId('lower-third-hold').press('Enter');
  await expect.poll(async () => (await api.state()).display.lowerThird.holdSec).toBe(0);
});

test('says hello to the console (listed with its language), goes where it is redirected and loads again on a reload order', async ({ openView, server }) => {
  const api = apiClient(server.url, server.tokens.control);
  const lowerThirds = async () => {
    const res = await fetch(`${server.url}/api/v1/displays`, { headers: { authorization: `Bearer ${server.tokens.control}` } });
    return ((await res.json()) as DisplaysResponse).displays.filter((d) => d.view === 'lower-third');
  };
  const overlay = await openView('lower-third', { viewport: FULL_HD, query: 'lang=zh' });
  await expect(overlay.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
  await expect.poll(async () => (await lowerThirds()).map((d) => d.language)).toEqual(['zh']);
  const [display] = await lowerThirds();

  // Other parameters: the page loads again with them (and says hello in the new language).
  const loaded = overlay.waitForEvent('load', { timeout: 10_000 });
  expect((await api.command({ type: 'display.redirect', displayId: display!.id, view: 'lower-third', params: { lang: 'en' } })).status).toBe(200);
  await loaded;
  expect(new URL(overlay.url()).searchParams.get('lang')).toBe('en');
  await expect(overlay.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await lowerThirds()).map((d) => d.language)).toEqual(['en']);
  // A new connection, so a new entry in the list.
  const [again] = await lowerThirds();

  await overlay.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const reloaded = overlay.waitForEvent('load', { timeout: 10_000 });
  expect((await api.command({ type: 'display.reload', displayId: again!.id })).status).toBe(200);
  await reloaded;
  expect(await overlay.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBeUndefined();
  await expect(overlay.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
});

test('/speaker?bare=1&transparent=1: the timer alone over a transparent page', async ({ openView, browser }) => {
  const page = await openView('speaker', { viewport: FULL_HD, query: 'bare=1&transparent=1' });
  await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  const png = await page.screenshot({ omitBackground: true });
  const corners = [
    { x: 5, y: 5 },
    { x: 1915, y: 5 },
    { x: 5, y: 900 },
    { x: 1915, y: 900 },
  ];
  for (const p of await pixelsOf(browser, png, corners)) expect(p.a).toBe(0);
  // Without transparent=1 the bare timer keeps its black background.
  const opaque = await openView('speaker', { viewport: FULL_HD, query: 'bare=1' });
  await expect(opaque.getByTestId('clock-remaining')).toHaveText('7:00');
  const [opaqueCorner] = await pixelsOf(browser, await opaque.screenshot({ omitBackground: true }), [{ x: 5, y: 5 }]);
  expect(opaqueCorner!.a).toBe(255);
});

test('loads in at most 100 KB of gzipped JS and CSS, none of it the console\'s', async ({ openView }) => {
  const { viewWeight } = await import('../../bench/figures/weight');
  const { bytes, files } = viewWeight('lower-third');
  expect(bytes).toBeLessThanOrEqual(100_000);
  expect(files).toBe(2);
  const page = await openView('lower-third');
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /\.(js|css)$/.test(p)));
  expect(loaded.every((p) => /\/assets\/lower-third-[\w-]+\.(js|css)$/.test(p))).toBe(true);
});

test.describe('offline', () => {
  test.use({ allowConsoleErrors: SERVER_DOWN_ERRORS });

  test('says so in the corner when the server is gone, and is silent while online', async ({ openView, server }) => {
    const page = await openView('lower-third', { viewport: FULL_HD });
    const status = page.getByTestId('connection');
    await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'online');
    await expect(status).toBeHidden();
    await server.kill();
    await expect(status).toHaveAttribute('data-link', 'offline');
    await expect(status).toBeVisible();
    await expect(status).toHaveText('Offline — reconnecting…');
  });
});

test("a room's lower third (/r/<id>/lower-third) names that room's speaker, and nothing of main's", async ({ openView, server }) => {
  const tokens = await setUpFixtureRooms(server);
  const inRoom = (room: string, body: object) =>
    fetch(`${server.url}/api/v1/rooms/${room}/commands`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const page = await openView('lower-third', { viewport: FULL_HD, path: `/r/breakout-a/lower-third?lang=en&token=${encodeURIComponent(tokens['breakout-a']!.view)}` });
  const box = page.getByTestId('lower-third');
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'online');

  // main's next speaker comes on: this page, breakout A's, stays out.
  const main = apiClient(server.url, server.tokens.control);
  expect((await main.command({ type: 'start' })).status).toBe(200);
  expect((await main.command({ type: 'next' })).status).toBe(200);
  expect((await main.state()).display.lowerThird.cue).not.toBeNull();

  // Breakout A's comes on: its speaker, not main's.
  expect((await inRoom('breakout-a', { type: 'start' })).status).toBe(200);
  expect((await inRoom('breakout-a', { type: 'next' })).status).toBe(200);
  const room = (await (await fetch(`${server.url}/api/v1/rooms/breakout-a/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot;
  const item = room.agenda.sessions.flatMap((s) => s.items).find((i) => i.id === room.clock.currentItemId)!;
  await expect(box).toHaveAttribute('data-state', 'in');
  await expect(page.getByTestId('lower-third-name')).toHaveText(item.speaker.name || item.title);
  // The page introduced itself in its room: breakout A's display list has it, main's does not.
  const displays = async (path: string) => ((await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as DisplaysResponse).displays.map((d) => d.view);
  await expect.poll(() => displays('/api/v1/rooms/breakout-a/displays')).toContain('lower-third');
  expect(await displays('/api/v1/displays')).not.toContain('lower-third');
});
