import { expect, test } from './fixtures';

/**
 * The console on a phone (390×844, upright): the page scrolls down, never sideways, and every
 * entry of the top bar (booth requests, help, import, report, network, sound, link, language) can
 * be seen and pressed.
 */
test('on a phone every top-bar entry is on screen, and the page never scrolls sideways', async ({ server, openView }) => {
  const moderator = await openView('moderator', { viewport: { width: 390, height: 844 } });
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  const entries = moderator.locator('header.topbar').locator('button, a, [data-testid="connection"]');
  expect(await entries.count()).toBeGreaterThanOrEqual(6);
  for (const entry of await entries.all()) {
    const box = (await entry.boundingBox())!;
    expect(box.x, await entry.innerText()).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, await entry.innerText()).toBeLessThanOrEqual(390);
  }
  expect(await moderator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Pressed on the phone, the language switch still works.
  await moderator.locator('header.topbar').getByRole('button', { name: '中文' }).click();
  await expect(moderator.getByTestId('btn-next')).toContainText('下一');
  void server;
});
