import type { Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

const duration = (page: Page, itemId: string) => page.locator(`[data-testid="rundown-item"][data-item-id="${itemId}"] [data-testid="rundown-duration"]`);

test('the recovery hint is applied after confirmation, then undone from a second console', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  // The opening runs long: 10 minutes added to its first speaker, 2 of them absorbed by the spare time.
  const { clock } = await api.state();
  expect((await api.command({ type: 'start', expectedItemId: clock.currentItemId! })).status).toBe(200);
  expect((await api.command({ type: 'adjust', seconds: 600, expectedItemId: clock.currentItemId! })).status).toBe(200);

  const first = await openView('moderator');
  const drift = first.getByTestId('drift');
  await expect(drift).toHaveAttribute('data-state', 'late');
  await expect(drift).toContainText(/^Running 8 min late · projected end \d\d:\d\d Beijing \/ \d\d:\d\d CET · this session ends \d\d:\d\d \(\+8:00\)$/);
  await expect(first.getByTestId('recovery-hint')).toContainText('To end on time');
  await expect(duration(first, 's1-martinez')).toHaveText('15:00');
  await expect(first.locator('[data-item-id="s1-martinez"] [data-testid="rundown-cut"]')).toHaveText(/^−\d:\d\d$/);

  // Esc cancels: nothing changes.
  await first.getByTestId('recovery-apply').click();
  await expect(first.getByTestId('confirm-dialog')).toBeVisible();
  await first.keyboard.press('Escape');
  await expect(first.getByTestId('confirm-dialog')).toBeHidden();
  expect((await api.state()).recovery).toBeNull();

  await first.getByTestId('recovery-apply').click();
  const cuts = first.getByTestId('recovery-cuts');
  await expect(cuts.locator('tbody tr')).toHaveCount(11);
  await expect(cuts.locator('tr[data-item-id="s1-martinez"]')).toContainText('15:00');
  await first.getByTestId('btn-confirm').click();

  await expect(drift).toHaveAttribute('data-state', 'on-time');
  await expect(duration(first, 's1-martinez')).not.toHaveText('15:00');
  const applied = await api.state();
  expect(applied.recovery).not.toBeNull();
  expect(applied.agenda.sessions[1]!.items[0]!.durationSec).toBeLessThan(900);
  // The running item and the untimed closing items are left alone.
  expect(applied.agenda.sessions[0]!.items[0]!.durationSec).toBe(420);
  expect(applied.agenda.sessions[3]!.items.every((i) => i.durationSec === undefined)).toBe(true);

  // Undo is a server command: another console (or this one after a reload) can do it.
  const second = await openView('moderator');
  await second.getByTestId('recovery-undo').click();
  for (const page of [first, second]) {
    await expect(duration(page, 's1-martinez')).toHaveText('15:00');
    await expect(page.getByTestId('recovery-undo')).toHaveCount(0);
    await expect(page.getByTestId('drift')).toHaveAttribute('data-state', 'late');
  }
  const undone = await api.state();
  expect(undone.recovery).toBeNull();
  expect(undone.agenda.sessions[1]!.items.map((i) => i.durationSec)).toEqual([900, 900, 900, 300]);
});

test('undo recovery keeps an item set by hand since, and says so', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const { clock } = await api.state();
  await api.command({ type: 'start', expectedItemId: clock.currentItemId! });
  await api.command({ type: 'adjust', seconds: 600, expectedItemId: clock.currentItemId! });
  expect((await api.command({ type: 'recovery.apply' })).status).toBe(200);
  expect((await api.command({ type: 'item.update', itemId: 's1-martinez', patch: { durationSec: 600 } })).status).toBe(200);

  const moderator = await openView('moderator');
  await expect(duration(moderator, 's1-martinez')).toHaveText('10:00');
  await moderator.getByTestId('recovery-undo').click();
  await expect(moderator.getByTestId('recovery-undone')).toContainText('Undone. Kept your later edits to: Cristina Martinez.');
  await expect(duration(moderator, 's1-martinez')).toHaveText('10:00');
  await expect(duration(moderator, 's1-sharpe')).toHaveText('15:00');
  expect((await api.state()).agenda.sessions[1]!.items.map((i) => i.durationSec)).toEqual([600, 900, 900, 300]);
});
