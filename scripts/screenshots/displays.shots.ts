import { join } from 'node:path';
import { expect, test, viewUrl } from '../../tests/e2e/fixtures';
import { makePng } from '../../tests/fixtures/branding/make-png';
import { DOC_SHOTS, MORE_SHOTS } from './shots-dir';

/**
 * Display management and branding (#19, part of `npm run screenshots`): the console's dialog with
 * four displays at 1920×1080, 1366×768 and 390×844 (docs/screenshots/displays-*.png), in Chinese
 * too (test-results/screenshots/), and a display being identified.
 */
test.slow();

test('screenshots of the display list and of identify', async ({ server, openView, browser }) => {
  const devices = [];
  // Three screens, each its own browser (device): a lectern monitor, a foyer screen, a booth.
  for (const path of ['speaker', 'audience', 'booth'] as const) {
    const context = await browser.newContext();
    devices.push(context);
    const page = await context.newPage();
    const view = path === 'audience' ? 'speaker' : path;
    await page.goto(viewUrl(server, view).replace(`/${view}?`, `/${path}?`));
    await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  }
  const upload = await fetch(`${server.url}/api/v1/branding/logo`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}` }, body: new Uint8Array(makePng(160, 48)) });
  expect(upload.status).toBe(200);

  const moderator = await openView('moderator', { viewport: { width: 1920, height: 1080 } });
  await moderator.getByTestId('displays-manage').click();
  const dialog = moderator.getByTestId('displays-dialog');
  const rows = dialog.getByTestId('display-manage-row');
  await expect(rows).toHaveCount(4);
  for (const [view, name] of [
    ['speaker', 'Lectern'],
    ['audience', 'Foyer left'],
  ] as const) {
    await dialog.locator(`[data-testid="display-manage-row"][data-view="${view}"]`).getByTestId('display-action-rename').click();
    await dialog.getByTestId('display-name-input').fill(name);
    await moderator.keyboard.press('Enter');
    await expect(dialog.locator(`[data-view="${view}"][data-name="${name}"]`)).toHaveCount(1);
  }
  await dialog.locator('[data-view="audience"]').getByTestId('display-action-redirect').click();
  await dialog.getByTestId('display-redirect-params').fill('lang=en+zh');
  await moderator.evaluate(() => document.fonts.ready);

  for (const [width, height, file] of [
    [1920, 1080, 'displays-1920.png'],
    [1366, 768, 'displays-1366.png'],
    [390, 844, 'displays-390.png'],
  ] as const) {
    await moderator.setViewportSize({ width, height });
    await moderator.screenshot({ path: join(DOC_SHOTS, file) });
  }
  await moderator.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await moderator.keyboard.press('Escape');
  await moderator.getByTestId('lang-zh').click();
  await moderator.getByTestId('displays-manage').click();
  await moderator.evaluate(() => document.fonts.ready);
  await moderator.screenshot({ path: join(MORE_SHOTS, 'displays-zh-1366.png') });
  await moderator.setViewportSize({ width: 390, height: 844 });
  await moderator.screenshot({ path: join(MORE_SHOTS, 'displays-zh-390.png') });

  await dialog.locator('[data-view="speaker"]').getByTestId('display-action-identify').click();
  const lectern = devices[0]!.pages()[0]!;
  await expect(lectern.getByTestId('identify-overlay')).toBeVisible();
  await lectern.setViewportSize({ width: 1280, height: 720 });
  await lectern.screenshot({ path: join(DOC_SHOTS, 'display-identify.png') });
  for (const context of devices) await context.close();
});
