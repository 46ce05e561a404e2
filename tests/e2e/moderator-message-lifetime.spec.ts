import { LIMITS } from '../../shared/agenda/agenda-constants';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** Issue 13, points 2, 7 and 11: a message belongs to its speaker; long text is counted, never cut; Flash resets. */

test('a "Please wrap up" clears when the next speaker starts, unless kept across speakers', async ({ openView }) => {
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  const shown = speaker.getByTestId('speaker-message');
  const field = moderator.getByTestId('message-text');

  await moderator.getByTestId('btn-start').click();
  await field.fill('Please wrap up');
  await field.press('Enter');
  await expect(shown).toHaveText('Please wrap up');

  await moderator.getByTestId('btn-next').click();
  await expect(shown).toBeHidden();
  await expect(moderator.getByTestId('speaker-showing')).toHaveAttribute('data-state', 'clock');

  // Pinned: it outlives the speaker, and the console says so.
  await moderator.getByTestId('message-keep').check();
  await field.fill('Q&A after the last speaker');
  await field.press('Enter');
  await expect(shown).toHaveText('Q&A after the last speaker');
  await expect(moderator.getByTestId('speaker-showing-pinned')).toBeVisible();
  await expect(moderator.getByTestId('message-keep')).not.toBeChecked();
  await moderator.getByTestId('btn-next').click();
  await moderator.getByTestId('btn-previous').click();
  await expect(shown).toHaveText('Q&A after the last speaker');
});

test('a booth "slow down" relayed to the speaker clears with the speaker it was for', async ({ server, openView }) => {
  const booth = apiClient(server.url, server.tokens.booth);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  await moderator.getByTestId('btn-start').click();
  expect((await booth.command({ type: 'booth.request', booth: 'EN', kind: 'slow-down' })).status).toBe(200);
  await moderator.getByTestId('btn-forward-slow-down').click();
  await expect(speaker.getByTestId('speaker-message')).toBeVisible();
  await moderator.getByTestId('btn-next').click();
  await expect(speaker.getByTestId('speaker-message')).toBeHidden();
});

test('the Flash box goes back to off after a message is sent', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const field = moderator.getByTestId('message-text');
  await moderator.getByTestId('message-flash').check();
  await field.fill('Mic is off');
  await field.press('Enter');
  await expect(moderator.getByTestId('speaker-showing')).toContainText('Mic is off');
  await expect(moderator.getByTestId('message-flash')).not.toBeChecked();
  await field.fill('Mic is on again');
  await field.press('Enter');
  await expect(moderator.getByTestId('speaker-showing')).toContainText('Mic is on again');
  expect((await api.state()).messages.speaker).toMatchObject({ text: 'Mic is on again', flash: false });
});

test('a pasted 10,000-character message is counted against the limit, not cut silently', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const field = moderator.getByTestId('message-text');
  const count = moderator.getByTestId('message-text-count');
  await expect(count).toHaveText(`0 / ${LIMITS.messageLength}`);

  await field.fill('x'.repeat(10_000));
  await expect(field).toHaveValue('x'.repeat(10_000));
  await expect(count).toHaveText(`${10_000 - LIMITS.messageLength} characters too long (at most ${LIMITS.messageLength})`);
  await expect(count).toHaveAttribute('data-over', 'true');
  await expect(moderator.getByTestId('btn-message-send')).toBeDisabled();
  await field.press('Enter');
  expect((await api.state()).messages.speaker).toBeNull();

  await field.fill('y'.repeat(LIMITS.messageLength));
  await expect(count).toHaveText(`${LIMITS.messageLength} / ${LIMITS.messageLength}`);
  await moderator.getByTestId('btn-message-send').click();
  await expect(moderator.getByTestId('speaker-showing')).toContainText('y'.repeat(40));
  expect((await api.state()).messages.speaker?.text).toHaveLength(LIMITS.messageLength);
});
