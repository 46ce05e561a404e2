import type { Page } from '@playwright/test';
import { expect, test, viewUrl } from './fixtures';

/** The console's display management dialog (#19), open. */
async function manage(moderator: Page) {
  await moderator.getByTestId('displays-manage').click();
  const dialog = moderator.getByTestId('displays-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a display renamed and redirected from the console changes its parameters without a reload, then its page, keeping its name', async ({ openView }) => {
  const moderator = await openView('moderator');
  const display = await openView('speaker');
  await expect(display.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  // A mark that only survives while the page is not loaded again.
  await display.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  // null while the page is between two loads (its context is gone): a poll waits on through it.
  const notReloaded = () => display.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true).catch(() => null);

  const dialog = await manage(moderator);
  const row = dialog.locator('[data-testid="display-manage-row"][data-view="speaker"]');
  await expect(row).toHaveCount(1);

  // Rename, by keyboard: the form takes focus, Enter saves.
  await row.getByTestId('display-action-rename').click();
  await expect(dialog.getByTestId('display-name-input')).toBeFocused();
  await dialog.getByTestId('display-name-input').fill('Foyer left');
  await moderator.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-name', 'Foyer left');
  await expect(row.getByRole('rowheader')).toHaveText('Foyer left');
  // Focus goes back to the button that opened the form.
  await expect(row.getByTestId('display-action-rename')).toBeFocused();

  // Same page, other parameters: applied in place, no reload.
  await row.getByTestId('display-action-redirect').click();
  await dialog.getByTestId('display-redirect-view').selectOption('speaker');
  await dialog.getByTestId('display-redirect-params').fill('bare=1');
  await dialog.getByTestId('display-redirect-go').click();
  await expect(display.locator('.speaker')).toHaveAttribute('data-bare', 'true');
  expect(new URL(display.url()).search).toBe('?bare=1');
  expect(await notReloaded()).toBe(true);
  await expect(dialog.getByTestId('display-feedback')).toHaveText('Foyer left was sent to Speaker monitor.');

  // Another page: the display navigates by itself, keeps its key and its name.
  await row.getByTestId('display-action-redirect').click();
  await dialog.getByTestId('display-redirect-view').selectOption('audience');
  await dialog.getByTestId('display-redirect-params').fill('');
  await dialog.getByTestId('display-redirect-go').click();
  await display.waitForURL((url) => url.pathname === '/audience');
  await expect(display.getByTestId('audience')).toBeVisible();
  await expect(display.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  // The key it carried over left the address bar at once.
  expect(new URL(display.url()).searchParams.has('token')).toBe(false);
  const moved = dialog.locator('[data-testid="display-manage-row"][data-view="audience"]');
  await expect(moved).toHaveAttribute('data-name', 'Foyer left');
  await expect(dialog.locator('[data-testid="display-manage-row"][data-view="speaker"]')).toHaveCount(0);
  // The side panel no longer counts it as a speaker monitor: an audience screen is not one.
  await expect(moderator.getByTestId('no-speaker-display')).toBeVisible();

  // Reload: the page loads again by itself (the mark is gone), on the same page.
  await display.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await moved.getByTestId('display-action-reload').click();
  await expect.poll(notReloaded).toBe(false);
  await expect(display.getByTestId('audience')).toBeVisible();
});

test('identify shows the name on that display only, for a few seconds', async ({ openView, browser, server }) => {
  const moderator = await openView('moderator');
  const left = await openView('speaker');
  const dialog = await manage(moderator);
  const rows = dialog.locator('[data-testid="display-manage-row"][data-view="speaker"]');
  await expect(rows).toHaveCount(1);
  await rows.first().getByTestId('display-action-rename').click();
  await dialog.getByTestId('display-name-input').fill('Stage left');
  await dialog.getByTestId('display-rename-save').click();
  await expect(rows.first()).toHaveAttribute('data-name', 'Stage left');

  // Another screen: another browser, so another device.
  const otherDevice = await browser.newContext();
  const right = await otherDevice.newPage();
  await right.goto(viewUrl(server, 'speaker'));
  await expect(rows).toHaveCount(2);
  const rightRow = dialog.locator('[data-testid="display-manage-row"][data-view="speaker"][data-name=""]');
  await rightRow.getByTestId('display-action-rename').click();
  await dialog.getByTestId('display-name-input').fill('Stage right');
  await moderator.keyboard.press('Enter');
  await expect(dialog.locator('[data-name="Stage right"]')).toHaveCount(1);
  await expect(dialog.locator('[data-view="speaker"][data-name="Stage left"]')).toHaveCount(1);

  await dialog.locator('[data-name="Stage right"]').getByTestId('display-action-identify').click();
  await expect(right.getByTestId('identify-overlay')).toBeVisible();
  await expect(right.getByTestId('display-identify-name')).toHaveText('Stage right');
  // The other display shows nothing, while this one shows the name.
  await expect(left.getByTestId('identify-overlay')).toHaveCount(0);
  await expect(dialog.getByTestId('display-feedback')).toHaveText('Stage right shows its name now.');
  // Gone after a few seconds, by itself.
  await expect(right.getByTestId('identify-overlay')).toHaveCount(0, { timeout: 10_000 });
  await expect(left.getByTestId('identify-overlay')).toHaveCount(0);
  await otherDevice.close();
});
