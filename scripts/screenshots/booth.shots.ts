import { join } from 'node:path';
import { apiClient } from '../../tests/helpers/api-client';
import { expect, test } from '../../tests/e2e/fixtures';
import { DOC_SHOTS, MORE_SHOTS } from './shots-dir';

/**
 * The booth at work (part of `npm run screenshots`): docs/screenshots/booth.png (English,
 * 1280×800: a 13" laptop) and test-results/screenshots/booth-zh.png (Chinese, 1440×900).
 */
// Two viewports, two languages and fonts to load: more than a usual test.
test.slow();

test('screenshot of the booth during the opening, before the switch to English', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const booth = apiClient(server.url, server.tokens.booth);
  const ok = async (command: Record<string, unknown>) => expect((await control.command(command)).status).toBe(200);

  await ok({ type: 'item.update', itemId: 'open-sun', patch: { speaker: { localName: '孙瑞哲' } } });
  await ok({ type: 'booth.notes', itemId: 's1-martinez', scriptReceived: true });
  await ok({ type: 'start', expectedItemId: 'open-local-gov' });
  await ok({ type: 'next', expectedItemId: 'open-local-gov' });
  await ok({ type: 'next', expectedItemId: 'open-cao' });
  // Mr SUN has been speaking a while: 2:10 left.
  await ok({ type: 'adjust', seconds: -290, expectedItemId: 'open-sun' });
  await ok({ type: 'message.booth', text: 'Dr LEE added two slides: copies are on their way to the booths.' });
  expect((await booth.command({ type: 'booth.turn.start', booth: 'Booth A', turnSec: 480 })).status).toBe(200);
  expect((await booth.command({ type: 'booth.request', booth: 'Booth A', kind: 'need-text' })).status).toBe(200);
  expect((await booth.command({ type: 'booth.request', booth: 'Booth A', kind: 'slow-down' })).status).toBe(200);
  const slowDown = (await control.state()).booth.requests.find((r) => r.kind === 'slow-down')!;
  await ok({ type: 'booth.ack', requestId: slowDown.id });

  const page = await openView('booth', { viewport: { width: 1280, height: 800 } });
  await expect(page.getByTestId('language-switch')).toBeVisible();
  await expect(page.getByTestId('request-slow-down')).toHaveAttribute('data-state', 'acknowledged');
  await expect(page.getByTestId('booth-message')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(DOC_SHOTS, 'booth.png') });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('booth-identity')).toContainText('双向');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(MORE_SHOTS, 'booth-zh.png') });
});
