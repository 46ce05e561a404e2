import type { Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** `m:ss` → seconds. */
const secondsOf = (text: string) => {
  const [m, s] = text.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

/**
 * Presses `]` (+30 s) and waits for the console to show it. Commands go out in order on one
 * socket, so once this one shows, any command sent by an earlier key press has been handled.
 */
async function settle(page: Page): Promise<void> {
  const digits = page.getByTestId('clock-remaining');
  const before = secondsOf((await digits.textContent()) ?? '');
  await page.keyboard.press('BracketRight');
  await expect.poll(async () => secondsOf((await digits.textContent()) ?? '')).toBeGreaterThanOrEqual(before + 29);
}

/** Two key presses in a row, faster than any answer can come back. */
async function doublePress(page: Page, code: string, key: string): Promise<void> {
  await page.evaluate(
    ([code, key]) => {
      for (let i = 0; i < 2; i += 1) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new KeyboardEvent('keyup', { code, key, bubbles: true, cancelable: true }));
      }
    },
    [code, key] as const,
  );
}

test('Space starts and pauses, also on a focused button; keys typed in a field or under a dialog do not', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const root = moderator.getByTestId('view-root');
  const digits = moderator.getByTestId('clock-remaining');
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(digits).toHaveText('7:00');

  // Typed into a field, the keys are text: no start (Space), no next (n), no +1 min (=).
  const field = moderator.getByTestId('message-text');
  await field.click();
  await moderator.keyboard.type(' n p = ');
  await expect(field).toHaveValue(' n p = ');
  await field.blur();
  await settle(moderator);
  await expect(digits).toHaveText('7:30');
  await expect(root).toHaveAttribute('data-status', 'idle');
  expect((await api.state()).clock.currentItemId).toBe('open-local-gov');

  // Space starts, and Space pauses.
  await moderator.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => secondsOf((await digits.textContent()) ?? '')).toBeLessThan(450);
  await moderator.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-status', 'paused');
  expect((await api.state()).clock.status).toBe('paused');

  // Space on a focused button starts or pauses the clock, and does not press that button (issue #13).
  const held = secondsOf((await digits.textContent()) ?? '');
  await moderator.getByTestId('btn-plus-30s').focus();
  await moderator.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-status', 'running');
  await moderator.keyboard.press('Space');
  await expect(root).toHaveAttribute('data-status', 'paused');
  expect(secondsOf((await digits.textContent()) ?? '')).toBeLessThanOrEqual(held);

  // `?` opens the sheet; while it is open the keys are off; Esc closes it.
  await moderator.locator('body').press('Shift+Slash');
  const sheet = moderator.getByTestId('shortcuts-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Start / pause');
  await moderator.keyboard.press('KeyN');
  await moderator.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await settle(moderator);
  const state = await api.state();
  expect(state.clock.currentItemId).toBe('open-local-gov');
  expect(state.clock.status).toBe('paused');
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});

test('N and P (and the arrows) move between items; a double press moves only one', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  const [first, second] = (await api.state()).agenda.sessions[0]!.items;
  const shown = moderator.getByTestId('current-speaker');
  await expect(shown).toHaveText(first!.speaker.name);

  await moderator.keyboard.press('KeyN');
  for (const page of [moderator, speaker]) await expect(page.getByTestId('current-speaker')).toHaveText(second!.speaker.name);
  await moderator.keyboard.press('KeyP');
  await expect(shown).toHaveText(first!.speaker.name);

  // A double press of N: one item on, and the console says the second press was ignored. (Both
  // presses go in one task, so the second comes before any answer however busy the machine is.)
  await doublePress(moderator, 'KeyN', 'n');
  await expect(shown).toHaveText(second!.speaker.name);
  await expect(moderator.getByTestId('command-notice')).toContainText('second press was ignored');
  await settle(moderator);
  expect((await api.state()).clock.currentItemId).toBe(second!.id);
  await expect(speaker.getByTestId('current-speaker')).toHaveText(second!.speaker.name);

  // The same for ← twice. (Each double press follows a press of another key, so the first press
  // of each pair always counts, however fast the machine.)
  await doublePress(moderator, 'ArrowLeft', 'ArrowLeft');
  await expect(shown).toHaveText(first!.speaker.name);
  await settle(moderator);
  expect((await api.state()).clock.currentItemId).toBe(first!.id);

  // And for a double click on the button.
  await moderator.getByTestId('btn-next').evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(shown).toHaveText(second!.speaker.name);
  await settle(moderator);
  expect((await api.state()).clock.currentItemId).toBe(second!.id);
  await expect(speaker.getByTestId('current-speaker')).toHaveText(second!.speaker.name);
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});
