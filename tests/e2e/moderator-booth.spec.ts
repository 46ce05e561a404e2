import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

test('booth requests arrive at once, count repeats, and are acknowledged (slow-down forwarded in one click)', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const booth = apiClient(server.url, server.tokens.booth);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');

  expect((await booth.command({ type: 'booth.request', booth: 'Booth A', kind: 'need-text' })).status).toBe(200);
  const needText = moderator.locator('[data-testid="booth-request"][data-kind="need-text"]');
  await expect(needText).toContainText('Needs the speaker\'s text');
  await expect(needText).toContainText('Booth A');
  await expect(needText.getByTestId('request-time')).toHaveText(/^at \d\d:\d\d:\d\d$/);
  expect((await booth.command({ type: 'booth.request', booth: 'Booth A', kind: 'need-text' })).status).toBe(200);
  await expect(needText.getByTestId('request-count')).toHaveText('×2');

  // Slow down: one click tells the speaker (in the speaker's language) and acknowledges it.
  expect((await booth.command({ type: 'booth.request', booth: 'Booth B', kind: 'slow-down' })).status).toBe(200);
  const slowDown = moderator.locator('[data-testid="booth-request"][data-kind="slow-down"]');
  await expect(moderator.getByTestId('booth-requests-open')).toHaveText('2');
  await slowDown.getByTestId('btn-forward-slow-down').click();
  await expect(speaker.getByTestId('speaker-message')).toHaveText('请放慢语速，方便同传翻译');
  await expect(slowDown).toHaveAttribute('data-state', 'acknowledged');

  await needText.getByTestId('btn-ack-request').click();
  await expect(needText).toHaveAttribute('data-state', 'acknowledged');
  await expect(moderator.getByTestId('booth-requests-open')).toHaveCount(0);
  const { booth: state, messages } = await control.state();
  expect(state.requests.every((r) => r.acknowledgedAt !== null)).toBe(true);
  expect(messages.speaker?.preset).toBe('slow-down');
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});

test('the console lists the connected speaker monitors and booths, each with its language', async ({ openView }) => {
  const moderator = await openView('moderator');
  const panel = moderator.getByTestId('displays');
  await expect(panel.getByTestId('no-speaker-display')).toBeVisible();
  const speaker = await openView('speaker');
  await openView('booth');
  // The monitor follows the first speaker's language (Chinese); the booth shows English.
  await expect(panel.locator('[data-testid="display-row"][data-view="speaker"]')).toHaveAttribute('data-language', 'zh');
  await expect(panel.locator('[data-testid="display-row"][data-view="booth"]')).toHaveAttribute('data-language', 'en');
  await expect(panel.getByTestId('no-speaker-display')).toHaveCount(0);
  await speaker.close();
  await expect(panel.getByTestId('no-speaker-display')).toBeVisible();
});
