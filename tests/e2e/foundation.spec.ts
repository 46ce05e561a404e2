import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

test('start on the moderator console counts down on the speaker display', async ({ server, openView }) => {
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');

  const clock = speaker.getByTestId('clock-remaining');
  const start = moderator.getByTestId('btn-start');
  const pause = moderator.getByTestId('btn-pause');

  // The sample agenda opens with a 7-minute item.
  await expect(clock).toHaveText('7:00');
  await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-status', 'idle');
  await expect(start).toBeEnabled();
  await expect(pause).toBeDisabled();

  // Both displays name the same speakers as the server does.
  const { agenda } = await apiClient(server.url, server.tokens.control).state();
  const [first, second] = agenda.sessions[0]!.items;
  for (const page of [moderator, speaker]) {
    await expect(page.getByTestId('current-speaker')).toHaveText(first!.speaker.name);
    await expect(page.getByTestId('next-speaker')).toHaveText(second!.speaker.name);
  }

  await start.click();

  await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  // Counting down: a value under 7:00, then a lower one (any busy machine can skip a second).
  await expect(clock).toHaveText(/^6:5\d$/, { timeout: 5_000 });
  const firstShown = await clock.textContent();
  await expect(clock).not.toHaveText(firstShown!, { timeout: 5_000 });
  await expect(clock).toHaveText(/^6:[45]\d$/);
  await expect(pause).toBeEnabled();
  await expect(start).toBeDisabled();
  await expect(moderator.getByTestId('command-error')).toBeEmpty();

  // The token is moved out of the address bar.
  for (const page of [moderator, speaker]) {
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  }
});

test('pause holds the clock and next moves both displays on', async ({ openView }) => {
  const moderator = await openView('moderator');
  const booth = await openView('booth');
  const clock = booth.getByTestId('clock-remaining');

  const nextName = await moderator.getByTestId('next-speaker').textContent();
  await moderator.getByTestId('btn-start').click();
  await expect(clock).toHaveText(/^6:5\d$/);

  await moderator.getByTestId('btn-pause').click();
  await expect(booth.getByTestId('view-root')).toHaveAttribute('data-status', 'paused');
  await expect(moderator.getByTestId('btn-start')).toHaveText('Resume');
  const held = await clock.textContent();
  // Paused: the digits hold across at least one second boundary.
  await expect
    .poll(async () => clock.textContent(), { intervals: [1_200, 1_200], timeout: 5_000 })
    .toBe(held);
  await expect(clock).toHaveText(held!);

  await moderator.getByTestId('btn-next').click();
  for (const page of [moderator, booth]) {
    await expect(page.getByTestId('current-speaker')).toHaveText(nextName!);
  }
  await expect(booth.getByTestId('view-root')).toHaveAttribute('data-status', 'idle');
  await expect(booth.getByTestId('current-language')).toHaveAttribute('data-lang', /.+/);
});
