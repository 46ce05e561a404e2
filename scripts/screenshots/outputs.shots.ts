import { apiClient } from '../../tests/helpers/api-client';
import { expect, test } from '../../tests/e2e/fixtures';
import { DOC_SHOTS as docs, MORE_SHOTS as more } from './shots-dir';

/** The outputs of #19 (docs/outputs.md) at the sizes they run at. */

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
const name = (size: { width: number; height: number }) => `${size.width}x${size.height}`;

test('the lower third: transparent, keyed, in both scripts', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  await api.command({ type: 'settings.update', lowerThirdHoldSec: 0 });
  await api.command({ type: 'start' });
  for (const size of SIZES) {
    const page = await openView('lower-third', { viewport: size });
    await expect(page.getByTestId('lower-third')).toHaveAttribute('data-state', 'in');
    await page.evaluate(() => document.fonts.ready);
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await page.screenshot({ path: `${size.width === 1920 ? docs : more}/lower-third-${name(size)}.png`, omitBackground: true });
    await page.close();
  }
  const keyed = await openView('lower-third', { viewport: SIZES[0], query: 'key=00b140&lang=zh' });
  await expect(keyed.getByTestId('lower-third')).toHaveAttribute('data-state', 'in');
  await keyed.evaluate(() => document.fonts.ready);
  await keyed.waitForFunction(() => document.getAnimations().length === 0);
  await keyed.screenshot({ path: `${docs}/lower-third-key-zh.png` });
});

test('the bare timer as a transparent overlay', async ({ openView }) => {
  const page = await openView('speaker', { viewport: SIZES[0], query: 'bare=1&transparent=1' });
  await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${docs}/speaker-bare-transparent.png`, omitBackground: true });
});

test('the studio clock at every size, running in the warning phase', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const { clock } = await api.state();
  await api.command({ type: 'start', expectedItemId: clock.currentItemId! });
  await api.command({ type: 'adjust', seconds: -330, expectedItemId: clock.currentItemId! });
  for (const size of SIZES) {
    const page = await openView('clock', { viewport: size });
    await expect(page.getByTestId('view-root')).toHaveAttribute('data-phase', 'warning');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${size.width === 1920 ? docs : more}/clock-${name(size)}.png` });
    await page.close();
  }
});

test('the crew page on a phone and larger, with a request and notes', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const { clock } = await api.state();
  await api.command({ type: 'start', expectedItemId: clock.currentItemId! });
  await api.command({ type: 'next' });
  const now = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'item.update', itemId: now, patch: { notes: 'Hand-held mic from the floor; slides on laptop B' } });
  await api.command({ type: 'adjust', seconds: 240, expectedItemId: now });
  await apiClient(server.url, server.tokens.booth).command({ type: 'booth.request', booth: 'Booth A', kind: 'need-text' });
  for (const size of [SIZES[2], SIZES[0], SIZES[1]]) {
    for (const lang of ['en', 'zh'] as const) {
      const page = await openView('crew', { viewport: size, query: `lang=${lang}` });
      await expect(page.getByTestId('crew-current')).toHaveAttribute('data-item', now);
      await expect(page.getByTestId('crew-request')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${size.width === 390 && lang === 'en' ? docs : more}/crew-${name(size)}-${lang}.png` });
      await page.close();
    }
  }
});

test('the audience screen: landscape and portrait, EN, 中文 and side by side', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const { clock } = await api.state();
  await api.command({ type: 'start', expectedItemId: clock.currentItemId! });
  await api.command({ type: 'next' });
  await api.command({ type: 'settings.update', audienceShowsLate: true });
  const now = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'adjust', seconds: 900, expectedItemId: now });
  const shots: [{ width: number; height: number }, string, string][] = [
    [{ width: 1920, height: 1080 }, 'lang=en', 'audience-1920x1080-en'],
    [{ width: 1920, height: 1080 }, 'lang=zh', 'audience-1920x1080-zh'],
    [{ width: 1920, height: 1080 }, 'lang=en%2Bzh', 'audience-1920x1080-en+zh'],
    [{ width: 1080, height: 1920 }, 'lang=en', 'audience-1080x1920-en'],
    [{ width: 1080, height: 1920 }, 'lang=en%2Bzh', 'audience-1080x1920-en+zh'],
    [{ width: 1366, height: 768 }, 'lang=en&timer=1', 'audience-1366x768-timer'],
    [{ width: 390, height: 844 }, 'lang=zh', 'audience-390x844-zh'],
  ];
  for (const [size, query, file] of shots) {
    const page = await openView('audience', { viewport: size, query });
    await expect(page.getByTestId('audience-current-speaker').first()).toHaveAttribute('data-item', now);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${file === 'audience-1920x1080-en' || file === 'audience-1080x1920-en+zh' ? docs : more}/${file}.png` });
    await page.close();
  }
});

test('the console\'s outputs panel, in both languages', async ({ openView }) => {
  for (const size of [SIZES[0], SIZES[1], SIZES[2]]) {
    const moderator = await openView('moderator', { viewport: size });
    const panel = moderator.getByTestId('outputs-panel');
    await moderator.getByTestId('btn-lower-third-show').click();
    await expect(panel.getByTestId('lower-third-on-air')).toHaveAttribute('data-on', 'true');
    await panel.scrollIntoViewIfNeeded();
    await moderator.evaluate(() => document.fonts.ready);
    await panel.screenshot({ path: `${more}/moderator-outputs-panel-${name(size)}-en.png` });
    await moderator.getByTestId('lang-zh').click();
    await panel.screenshot({ path: `${more}/moderator-outputs-panel-${name(size)}-zh.png` });
    await moderator.close();
  }
});
