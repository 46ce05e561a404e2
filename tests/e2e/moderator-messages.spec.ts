import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

const preset = (id: string) => `[data-testid="message-preset"][data-preset="${id}"]`;

test('a preset reaches /speaker in the current speaker’s language; Esc and the clear button take it away', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  const shown = speaker.getByTestId('speaker-message');

  // The first speaker of the sample speaks Chinese: the console (in English) sends the Chinese text.
  await expect(moderator.getByTestId('preset-language')).toHaveAttribute('data-lang', 'zh');
  await expect(moderator.locator(preset('wrap-up'))).toHaveText('Please wrap up');
  await moderator.locator(preset('wrap-up')).click();
  await expect(shown).toHaveText('请准备结束发言');
  expect((await api.state()).messages.speaker).toMatchObject({ text: '请准备结束发言', preset: 'wrap-up', flash: false });
  await expect(moderator.getByTestId('speaker-showing')).toContainText('请准备结束发言');

  await moderator.keyboard.press('Escape');
  await expect(shown).toBeHidden();
  await expect(moderator.getByTestId('speaker-showing')).toHaveAttribute('data-state', 'clock');

  // Dr LEE speaks English: the same kind of preset now goes out in English, flashing if asked.
  const goto = await api.command({ type: 'goto', itemId: 'open-lee' });
  expect(goto.status).toBe(200);
  await expect(moderator.getByTestId('preset-language')).toHaveAttribute('data-lang', 'en');
  await moderator.getByTestId('message-flash').check();
  await moderator.locator(preset('time-up')).click();
  await expect(shown).toHaveText('Time is up');
  await expect(shown).toHaveAttribute('data-flash', 'true');
  expect((await api.state()).messages.speaker).toMatchObject({ text: 'Time is up', preset: 'time-up', flash: true });
  await moderator.getByTestId('btn-message-clear').click();
  await expect(shown).toBeHidden();

  // Free text, sent with Enter.
  await moderator.getByTestId('message-text').fill('Slides are frozen — keep going');
  await moderator.getByTestId('message-text').press('Enter');
  await expect(shown).toHaveText('Slides are frozen — keep going');
  await expect(moderator.getByTestId('message-text')).toHaveValue('');
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});

test('blank and unblank the speaker monitors (button and B), and a message to the booth', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');

  await moderator.getByTestId('btn-blank').click();
  await expect(speaker.getByTestId('speaker-blank')).toBeVisible();
  await expect(moderator.getByTestId('btn-blank')).toHaveAttribute('aria-pressed', 'true');
  await expect(moderator.getByTestId('blank-notice')).toBeVisible();
  await expect(moderator.getByTestId('speaker-showing')).toHaveAttribute('data-state', 'blank');
  await moderator.locator('body').press('KeyB');
  await expect(speaker.getByTestId('speaker-blank')).toBeHidden();
  await expect(moderator.getByTestId('blank-notice')).toBeHidden();

  await moderator.getByTestId('booth-message-text').fill('Next speaker has changed her slides');
  await moderator.getByTestId('btn-booth-message-send').click();
  await expect(moderator.getByTestId('booth-showing')).toContainText('Next speaker has changed her slides');
  expect((await api.state()).messages.booth?.text).toBe('Next speaker has changed her slides');
  await moderator.getByTestId('btn-booth-message-clear').click();
  await expect(moderator.getByTestId('booth-showing')).toHaveAttribute('data-state', 'none');
});
