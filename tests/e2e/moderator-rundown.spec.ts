import type { Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

const row = (page: Page, itemId: string) => page.locator(`[data-testid="rundown-item"][data-item-id="${itemId}"]`);

/** The item ids of a session, in the order the console shows them. */
const shownOrder = (page: Page, sessionId: string) =>
  page.locator(`[data-session-id="${sessionId}"] [data-testid="rundown-item"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));

const secondsOf = (mss: string) => {
  const [m, s] = mss.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

test('the rundown shows each item with its speaker, language, flags and times in both zones', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  await api.command({ type: 'item.update', itemId: 's1-yoon', patch: { fixed: true, scriptReceived: true, attendance: 'online' } });
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('rundown-item')).toHaveCount(14);

  const lee = row(moderator, 'open-lee');
  await expect(lee.getByTestId('rundown-name')).toHaveText('LEE Chang-Hee');
  await expect(lee).toContainText('Dr');
  await expect(lee).toContainText('International Labour Organization (ILO)');
  await expect(lee.getByTestId('rundown-language')).toHaveText('EN');
  await expect(lee.getByTestId('rundown-duration')).toHaveText('7:00');
  // Planned 14:21 in Beijing (the sample's own date, not started yet), 07:21 in Berlin side by side.
  await expect(lee.getByTestId('rundown-start')).toHaveText(/14:21\s*07:21/);
  await expect(lee).toContainText('plan 14:21');

  const yoon = row(moderator, 's1-yoon');
  await expect(yoon.getByTestId('flag-fixed')).toBeVisible();
  await expect(yoon.getByTestId('flag-script')).toBeVisible();
  await expect(yoon).toContainText('Online');
  await expect(row(moderator, 's1-martinez').getByTestId('flag-fixed')).toHaveCount(0);
  await expect(moderator.locator('[data-session-id="opening"] [data-testid="session-moderator"]')).toHaveText('Moderator: Ms YAN Yan · Chinese');

  // The current item is marked; a past item shows what it ran and its over or under; a skipped one is struck through.
  await expect(row(moderator, 'open-local-gov')).toHaveAttribute('data-current', 'true');
  await moderator.getByTestId('btn-start').click();
  await moderator.getByTestId('btn-next').click();
  await expect(row(moderator, 'open-cao')).toHaveAttribute('data-current', 'true');
  const done = row(moderator, 'open-local-gov');
  await expect(done).toHaveAttribute('data-progress', 'done');
  await expect(done.getByTestId('rundown-actual')).toHaveText(/^ran 0:\d\d$/);
  await expect(done.getByTestId('rundown-over-under')).toHaveText(/^−(7:00|6:[0-5]\d)$/);
  await row(moderator, 'open-sun').getByTestId('btn-skip-item').click();
  await expect(row(moderator, 'open-sun')).toHaveAttribute('data-skipped', 'true');
  await expect(row(moderator, 'open-sun').getByTestId('rundown-name')).toHaveCSS('text-decoration-line', 'line-through');
});

test('drag and drop reorders the rundown; Alt+↑ does it from the keyboard', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  await expect.poll(() => shownOrder(moderator, 'session-1')).toEqual(['s1-martinez', 's1-sharpe', 's1-yoon', 's1-wang']);

  // Drop the commentary onto the upper half of the first talk: it goes before it. (The session is
  // scrolled into view first, so that the drag itself never scrolls the rundown under the pointer.)
  await moderator.locator('section.rundown-session[data-session-id="session-1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const from = (await row(moderator, 's1-wang').boundingBox())!;
  const to = (await row(moderator, 's1-martinez').boundingBox())!;
  await moderator.mouse.move(from.x + 120, from.y + from.height / 2);
  await moderator.mouse.down();
  await moderator.mouse.move(to.x + 120, to.y + to.height / 4, { steps: 8 });
  await moderator.mouse.up();
  await expect.poll(() => shownOrder(moderator, 'session-1')).toEqual(['s1-wang', 's1-martinez', 's1-sharpe', 's1-yoon']);
  expect((await api.state()).agenda.sessions[1]!.items.map((i) => i.id)).toEqual(['s1-wang', 's1-martinez', 's1-sharpe', 's1-yoon']);

  // The keyboard alternative: Alt+↑ on a focused row, twice; the row keeps the focus.
  const yoon = row(moderator, 's1-yoon').locator('.row__main');
  await yoon.focus();
  await moderator.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => shownOrder(moderator, 'session-1')).toEqual(['s1-wang', 's1-martinez', 's1-yoon', 's1-sharpe']);
  await expect(yoon).toBeFocused();
  await moderator.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => shownOrder(moderator, 'session-1')).toEqual(['s1-wang', 's1-yoon', 's1-martinez', 's1-sharpe']);
  expect((await api.state()).agenda.sessions[1]!.items.map((i) => i.id)).toEqual(['s1-wang', 's1-yoon', 's1-martinez', 's1-sharpe']);
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});

test('remove has an undo that puts the item back where it was', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  await row(moderator, 's1-sharpe').getByTestId('btn-edit-item').click();
  await moderator.getByTestId('btn-remove-item').click();
  await expect(row(moderator, 's1-sharpe')).toHaveCount(0);
  expect((await api.state()).agenda.sessions[1]!.items.map((i) => i.id)).toEqual(['s1-martinez', 's1-yoon', 's1-wang']);

  await expect(moderator.getByTestId('undo-toast')).toContainText('Samantha Sharpe');
  await moderator.getByTestId('btn-undo-remove').click();
  await expect.poll(() => shownOrder(moderator, 'session-1')).toEqual(['s1-martinez', 's1-sharpe', 's1-yoon', 's1-wang']);
  const restored = (await api.state()).agenda.sessions[1]!.items.find((i) => i.id === 's1-sharpe');
  expect(restored?.speaker.name).toBe('Samantha Sharpe');
  await expect(moderator.getByTestId('undo-toast')).toBeHidden();

  // The current item cannot be removed: the refusal shows in the dialog, translated.
  await row(moderator, 'open-local-gov').getByTestId('btn-edit-item').click();
  await moderator.getByTestId('btn-remove-item').click();
  await expect(moderator.getByTestId('edit-error')).toHaveText('That item is the current one.');
  await moderator.keyboard.press('Escape');
  await expect(moderator.getByTestId('edit-dialog')).toBeHidden();
});

test('an edit to the running item takes effect at once, and the projections follow', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  await moderator.getByTestId('btn-start').click();
  await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  const nextStart = row(moderator, 'open-cao').getByTestId('rundown-start').locator('.row__start-primary');
  const before = minutesOf((await nextStart.textContent()) ?? '');

  await row(moderator, 'open-local-gov').getByTestId('btn-edit-item').click();
  await expect(moderator.getByTestId('edit-dialog')).toContainText('This item is on now');
  await moderator.getByTestId('edit-duration').fill('10');
  await moderator.getByTestId('edit-name').fill('HU Min');
  await moderator.getByTestId('btn-edit-save').click();
  await expect(moderator.getByTestId('edit-dialog')).toBeHidden();

  // More than the old 7:00 can be left only with the new 10:00.
  await expect.poll(async () => secondsOf((await speaker.getByTestId('clock-remaining').textContent()) ?? '')).toBeGreaterThan(420);
  await expect(moderator.getByTestId('current-speaker')).toHaveText('HU Min');
  await expect(row(moderator, 'open-local-gov').getByTestId('rundown-duration')).toHaveText('10:00');
  await expect.poll(async () => minutesOf((await nextStart.textContent()) ?? '')).toBe((before + 3) % (24 * 60));
  const item = (await api.state()).agenda.sessions[0]!.items[0]!;
  expect(item).toMatchObject({ durationSec: 600, speaker: { name: 'HU Min', organisation: 'Humen Township Government' } });
});

test('clicking a row goes to it, asking first while the clock runs', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  await row(moderator, 'open-sun').locator('.row__main').click();
  await expect(row(moderator, 'open-sun')).toHaveAttribute('data-current', 'true');
  expect((await api.state()).clock.currentItemId).toBe('open-sun');

  await moderator.getByTestId('btn-start').click();
  await expect(moderator.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await row(moderator, 'open-lee').locator('.row__main').click();
  const dialog = moderator.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Go to LEE Chang-Hee now?');
  // Shortcuts are off under a dialog; Esc cancels it.
  await moderator.keyboard.press('KeyN');
  await moderator.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await api.state()).clock.currentItemId).toBe('open-sun');

  await row(moderator, 'open-lee').locator('.row__main').click();
  await moderator.getByTestId('btn-confirm').click();
  await expect(row(moderator, 'open-lee')).toHaveAttribute('data-current', 'true');
  const { clock } = await api.state();
  expect(clock).toMatchObject({ currentItemId: 'open-lee', status: 'running' });
});

test('add an item to a session, at a chosen place', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  await moderator.locator('[data-testid="btn-add-item"][data-session-id="closing"]').click();
  const dialog = moderator.getByTestId('edit-dialog');
  await moderator.getByTestId('edit-title').fill('Group photo');
  await moderator.getByTestId('edit-kind').selectOption('break');
  await moderator.getByTestId('edit-duration').fill('seven');
  await moderator.getByTestId('btn-edit-save').click();
  await expect(moderator.getByTestId('edit-problem')).toHaveText('Not a duration. Try 7, 7:30 or 1:05:00.');
  await moderator.getByTestId('edit-duration').fill('4:30');
  await moderator.getByTestId('edit-position').selectOption('close-chen');
  await moderator.getByTestId('edit-duration').press('Enter');
  await expect(dialog).toBeHidden();
  const items = (await api.state()).agenda.sessions[3]!.items;
  expect(items.map((i) => i.title)).toEqual(['Closing remarks and next steps', 'Group photo', 'Closing remarks and next steps']);
  expect(items[1]).toMatchObject({ kind: 'break', durationSec: 270 });
  await expect(moderator.locator('[data-session-id="closing"] [data-testid="rundown-item"]')).toHaveCount(3);
});
