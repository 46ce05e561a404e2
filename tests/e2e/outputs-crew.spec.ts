import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** The crew's phone page (#19, docs/outputs.md). */

const PHONE = { width: 390, height: 844 };

test('at 390×844 it follows next: now, next, the rundown row in view, large tap targets', async ({ openView, server }) => {
  const api = apiClient(server.url, server.tokens.control);
  const page = await openView('crew', { viewport: PHONE });
  const current = page.getByTestId('crew-current');
  const first = await api.state();
  const items = first.agenda.sessions.flatMap((s) => s.items).filter((i) => !i.skipped);
  await expect(current).toHaveAttribute('data-item', first.clock.currentItemId!);
  await expect(page.getByTestId('crew-next')).toHaveAttribute('data-item', items[1]!.id);

  // Tap targets: every rundown row at least 44 px high; nothing wider than the phone.
  for (const h of await page.locator('.crew-row__summary').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))) expect(h).toBeGreaterThanOrEqual(44);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  await api.command({ type: 'start' });
  for (let n = 1; n <= 6; n++) {
    await api.command({ type: 'next' });
    const { clock } = await api.state();
    await expect(current).toHaveAttribute('data-item', clock.currentItemId!);
    const row = page.locator(`[data-testid="crew-row"][data-item="${clock.currentItemId}"]`);
    await expect(row).toHaveAttribute('aria-current', 'step');
    await expect(row).toBeInViewport();
  }
  // The rows already run are done; the projected times are the projection's (primary zone).
  await expect(page.locator(`[data-testid="crew-row"][data-item="${items[0]!.id}"]`)).toHaveAttribute('data-progress', 'done');

  // A tap opens a row's notes, read-only.
  const row = page.locator(`[data-testid="crew-row"][data-item="${items[0]!.id}"]`);
  await row.locator('summary').click();
  await expect(row.locator('.crew-row__more')).toBeVisible();
});

test('shows the booths\' open requests, read-only, and the item\'s notes', async ({ openView, server }) => {
  const control = apiClient(server.url, server.tokens.control);
  const booth = apiClient(server.url, server.tokens.booth);
  const { clock } = await control.state();
  await control.command({ type: 'item.update', itemId: clock.currentItemId!, patch: { notes: 'Mic 3 on the lectern' } });
  expect((await booth.command({ type: 'booth.request', booth: 'Booth A', kind: 'slow-down' })).status).toBe(200);
  const page = await openView('crew', { viewport: PHONE, query: 'lang=zh' });
  await expect(page.getByTestId('crew-request')).toHaveText(/Booth A\s*请放慢语速/);
  await expect(page.getByTestId('crew-notes')).toContainText('Mic 3 on the lectern');
  await expect(page.getByTestId('crew-drift')).toBeVisible();
  await expect(page.locator('button:not(.lang-switch__option)')).toHaveCount(0);
});
