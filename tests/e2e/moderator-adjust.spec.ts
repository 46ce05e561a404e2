import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

test('±1 min and ±30 s, from the buttons and the keys, change the remaining time on /speaker', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  const remaining = speaker.getByTestId('clock-remaining');
  await expect(remaining).toHaveText('7:00');

  await moderator.getByTestId('btn-plus-minute').click();
  await expect(remaining).toHaveText('8:00');
  await moderator.getByTestId('btn-minus-minute').click();
  await expect(remaining).toHaveText('7:00');
  await moderator.getByTestId('btn-minus-minute').click();
  await expect(remaining).toHaveText('6:00');
  await moderator.getByTestId('btn-plus-30s').click();
  await expect(remaining).toHaveText('6:30');
  await moderator.getByTestId('btn-minus-30s').click();
  await expect(remaining).toHaveText('6:00');

  // The same from the keyboard, matched by physical key.
  await moderator.keyboard.press('Equal');
  await expect(remaining).toHaveText('7:00');
  await moderator.keyboard.press('Minus');
  await moderator.keyboard.press('Minus');
  await expect(remaining).toHaveText('5:00');
  await moderator.keyboard.press('BracketLeft');
  await expect(remaining).toHaveText('4:30');

  // Time added or taken shows on the console, and the agenda's duration is untouched.
  await expect(moderator.getByTestId('clock-added')).toHaveText('−2:30 added');
  const state = await api.state();
  expect(state.clock.addedMs).toBe(-150_000);
  expect(state.agenda.sessions[0]!.items[0]!.durationSec).toBe(420);
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});

test('reset asks first once time has been used, and brings the full time back', async ({ openView }) => {
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  await moderator.getByTestId('btn-plus-minute').click();
  await expect(speaker.getByTestId('clock-remaining')).toHaveText('8:00');
  await moderator.getByTestId('btn-reset').click();
  const dialog = moderator.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  // Destructive: Cancel has the focus, so Enter cancels.
  await expect(moderator.getByTestId('btn-cancel')).toBeFocused();
  await moderator.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(speaker.getByTestId('clock-remaining')).toHaveText('8:00');
  await moderator.getByTestId('btn-reset').click();
  await moderator.getByTestId('btn-confirm').click();
  await expect(speaker.getByTestId('clock-remaining')).toHaveText('7:00');
});

test('skip asks first, marks the current item skipped and moves on', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  await moderator.getByTestId('btn-skip').click();
  await expect(moderator.getByTestId('confirm-dialog')).toContainText('Skip Local government representative?');
  await moderator.getByTestId('btn-confirm').click();
  await expect(moderator.getByTestId('current-speaker')).toHaveText('CAO Xuejun');
  await expect(moderator.locator('[data-testid="rundown-item"][data-item-id="open-local-gov"]')).toHaveAttribute('data-skipped', 'true');
  const state = await api.state();
  expect(state.clock.currentItemId).toBe('open-cao');
  expect(state.agenda.sessions[0]!.items[0]!.skipped).toBe(true);
});
