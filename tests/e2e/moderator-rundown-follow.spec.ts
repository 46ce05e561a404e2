import type { Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * Issue #13, point 6: the rundown scrolls to the live item when it changes, unless the operator
 * scrolled it or edited in the last 10 s. The page's clock is Playwright's, so those 10 s pass
 * at once (`clock.fastForward`), while the server keeps real time.
 */

const row = (page: Page, itemId: string) => page.locator(`[data-testid="rundown-item"][data-item-id="${itemId}"]`);

/** Whether the row is entirely inside the rundown's scrolling list. */
const shownInRundown = (page: Page, itemId: string) =>
  row(page, itemId).evaluate((el) => {
    const box = el.closest('[data-testid="rundown"]')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  });

const scrollTop = (page: Page) => page.getByTestId('rundown').evaluate((el) => el.scrollTop);

/** Two frames: the rundown has rendered the server's change and run its effects. */
const settled = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('at 1920×1080 the rundown follows the live item, except within 10 s of a scroll or an edit', async ({ server, openView, context }) => {
  test.slow(); // five moves of the live item, each checked on screen
  await context.clock.install();
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator', { viewport: { width: 1920, height: 1080 } });
  await expect(row(moderator, 'open-local-gov')).toHaveAttribute('data-current', 'true');
  // The list is taller than its box: Session II starts below the fold.
  expect(await shownInRundown(moderator, 's2-hur')).toBe(false);

  const goLive = async (itemId: string) => {
    expect((await api.command({ type: 'goto', itemId })).status).toBe(200);
    await expect(row(moderator, itemId)).toHaveAttribute('data-current', 'true');
    await settled(moderator);
  };

  // Session II goes live: the rundown shows it.
  await goLive('s2-hur');
  await expect.poll(() => shownInRundown(moderator, 's2-hur')).toBe(true);

  // The operator scrolls back to the opening: a change of item leaves the list where they put it.
  await moderator.getByTestId('rundown').hover();
  await moderator.mouse.wheel(0, -5000);
  await expect.poll(() => scrollTop(moderator)).toBe(0);
  await goLive('close-chen');
  expect(await scrollTop(moderator)).toBe(0);
  expect(await shownInRundown(moderator, 'close-chen')).toBe(false);

  // 10 s later the next change is followed again.
  await moderator.clock.fastForward(10_500);
  await goLive('s2-tang');
  await expect.poll(() => shownInRundown(moderator, 's2-tang')).toBe(true);

  // While an item is being edited, the list stays put; the quiet time runs from the dialog's close.
  await moderator.clock.fastForward(10_500);
  await row(moderator, 'open-cao').scrollIntoViewIfNeeded();
  const before = await scrollTop(moderator);
  await row(moderator, 'open-cao').getByTestId('btn-edit-item').click();
  const dialog = moderator.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await moderator.clock.fastForward(10_500);
  await goLive('close-martinez');
  expect(await scrollTop(moderator)).toBe(before);
  await dialog.press('Escape');
  await expect(dialog).toHaveCount(0);
  await goLive('s2-saieed');
  expect(await scrollTop(moderator)).toBe(before);
  await moderator.clock.fastForward(10_500);
  await goLive('close-chen');
  await expect.poll(() => shownInRundown(moderator, 'close-chen')).toBe(true);
});
