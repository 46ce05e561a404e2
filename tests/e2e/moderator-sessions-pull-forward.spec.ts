import { apiClient } from '../helpers/api-client';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 13, points 10 and 12: when the event runs ahead, the next session may start as soon as the
 * previous one ends (the default), or wait for its planned start (the console's setting); drift and
 * the booth's "Next … in" follow. A rehearsal on another day says its times are shifted.
 */
/** "in 7:00" or "in 1:17:25" → seconds. */
async function secondsIn(countdown: Locator): Promise<number> {
  const match = /(\d+(?::\d\d)+)/.exec((await countdown.textContent()) ?? '');
  if (!match) return NaN;
  return match[1]!.split(':').reduce((n, part) => n * 60 + Number(part), 0);
}

test('sessions pulled forward: the drift and the booth countdown follow the console setting', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const booth = await openView('booth');
  const toggle = moderator.getByTestId('sessions-pull-forward');
  await expect(toggle).toBeChecked();
  await expect(moderator.getByTestId('rehearsal-note')).toHaveCount(0);

  // The opening runs far ahead: three speakers moved on at once; its last speaker (7:00) is on.
  let current = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId: current });
  for (let i = 0; i < 3; i += 1) {
    await api.command({ type: 'next', expectedItemId: current });
    current = (await api.state()).clock.currentItemId!;
  }
  expect(current).toBe('open-lee');

  // The sample's date is long past: the plan is re-anchored to today, and the console says so.
  await expect(moderator.getByTestId('rehearsal-note')).toHaveText('Rehearsal: times shifted');

  // Pulled forward: session I follows the opening's last speaker, 7 minutes away; the event runs early.
  const drift = moderator.getByTestId('drift');
  await expect(drift).toHaveAttribute('data-state', 'early');
  const countdown = booth.getByTestId('next-countdown');
  await expect(countdown).toHaveAttribute('data-kind', 'in');
  await expect.poll(async () => secondsIn(countdown)).toBeLessThanOrEqual(7 * 60);

  // Anchored: session I waits for its planned start, over 20 minutes away; the event is on time.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  expect((await api.state()).agenda.sessionsPullForward).toBe(false);
  await expect(drift).toHaveAttribute('data-state', 'on-time');
  await expect.poll(async () => secondsIn(countdown)).toBeGreaterThan(20 * 60);

  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(drift).toHaveAttribute('data-state', 'early');
  await expect.poll(async () => secondsIn(countdown)).toBeLessThanOrEqual(7 * 60);
});
