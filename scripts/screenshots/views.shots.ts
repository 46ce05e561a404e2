import { VIEWS } from '../../shared/contract/http';
import { apiClient } from '../../tests/helpers/api-client';
import { SERVER_DOWN_ERRORS, expect, test } from '../../tests/e2e/fixtures';
import { MORE_SHOTS as dir } from './shots-dir';

/** Every view idle, running, in each phase and offline, for a human to look at (test-results/screenshots/). */

test('screenshots of every view, idle and running, in both languages', async ({ openView }) => {
  const pages = Object.fromEntries(await Promise.all(VIEWS.map(async (v) => [v, await openView(v)] as const)));
  for (const page of Object.values(pages)) await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  for (const [view, page] of Object.entries(pages)) {
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${dir}/${view}-idle-en.png` });
  }

  await pages['moderator']!.getByTestId('btn-start').click();
  for (const page of Object.values(pages)) await expect(page.getByTestId('clock-remaining')).toHaveText(/^6:5\d$/);
  for (const [view, page] of Object.entries(pages)) {
    await page.getByTestId('lang-zh').click();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${dir}/${view}-running-zh.png` });
  }
});

test('screenshots of the speaker display in each phase', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const speaker = await openView('speaker');
  await speaker.getByTestId('lang-en').click();
  const root = speaker.getByTestId('view-root');
  const { clock } = await api.state();
  const expectedItemId = clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId });

  // 7:00 − 5:30 = 1:30 (warning), − 1:10 more = 0:20 (danger), − 0:25 more = overtime.
  for (const [seconds, phase] of [
    [-330, 'warning'],
    [-70, 'danger'],
    [-25, 'overtime'],
  ] as const) {
    expect((await api.command({ type: 'adjust', seconds, expectedItemId })).status).toBe(200);
    await expect(root).toHaveAttribute('data-phase', phase);
    await speaker.evaluate(() => document.fonts.ready);
    await speaker.screenshot({ path: `${dir}/speaker-${phase}-en.png` });
  }
});

test('screenshots of a small speaker monitor', async ({ openView }) => {
  const speaker = await openView('speaker', { viewport: { width: 640, height: 360 } });
  await expect(speaker.getByTestId('clock-remaining')).toHaveText('7:00');
  await speaker.evaluate(() => document.fonts.ready);
  await speaker.screenshot({ path: `${dir}/speaker-640x360.png` });
});

test.describe('offline', () => {
  test.use({ allowConsoleErrors: SERVER_DOWN_ERRORS });

  test('screenshots of the console and the monitor while the server is down', async ({ server, openView }) => {
    const moderator = await openView('moderator');
    const speaker = await openView('speaker');
    await expect(speaker.getByTestId('clock-remaining')).toHaveText('7:00');
    await server.kill();
    await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'offline');
    await moderator.getByTestId('btn-start').click();
    await expect(moderator.getByTestId('command-error')).toHaveAttribute('data-code', 'offline');
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-link', 'offline');
    await moderator.screenshot({ path: `${dir}/moderator-offline-en.png` });
    await speaker.screenshot({ path: `${dir}/speaker-offline.png` });
  });
});
