import type { BrowserContext } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { SERVER_DOWN_ERRORS, expect, test } from './fixtures';
import { secondsShown } from './speaker-support';

/** Stops socket.io's `state:patch` messages reaching the page, so it keeps showing an old state. */
async function holdBackPatches(context: BrowserContext): Promise<void> {
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (typeof message === 'string' && message.startsWith('42["state:patch"')) return;
      ws.send(message);
    });
  });
}

test('a refused command shows its error, translated', async ({ server, context, openView }) => {
  await holdBackPatches(context);
  const moderator = await openView('moderator');
  await moderator.getByTestId('lang-zh').click();
  // Read what it shows once it has its first state, not while it still says it is connecting.
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  const shownFirst = await moderator.getByTestId('current-speaker').textContent();

  // Someone else moves on; this console does not hear of it and sends a stale `next`.
  const api = apiClient(server.url, server.tokens.control);
  const { clock } = await api.state();
  const moved = await api.command({ type: 'next', expectedItemId: clock.currentItemId! });
  expect(moved.status).toBe(200);
  await expect(moderator.getByTestId('current-speaker')).toHaveText(shownFirst!);

  await moderator.getByTestId('btn-next').click();
  const error = moderator.getByTestId('command-error');
  await expect(error).toHaveAttribute('data-code', 'stale-item');
  await expect(error).toHaveText('其他人已切换到下一项 — 请核对当前条目。');
  await expect(error).toBeVisible();
  // Refused means refused: the server moved on only once.
  expect((await api.state()).revision).toBe(moved.body.revision);
});

test.describe('while the server is down', () => {
  test.use({ allowConsoleErrors: SERVER_DOWN_ERRORS });
  // Two views, a server stop and a restart: more than the default budget on a loaded CI machine.
  test.setTimeout(60_000);

  test('displays say they are offline, clicks fail at once, and it all recovers', async ({ server, openView }) => {
    const moderator = await openView('moderator');
    const speaker = await openView('speaker');
    await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await moderator.getByTestId('btn-start').click();
    await expect(speaker.getByTestId('clock-remaining')).toHaveText(/^6:5\d$/);

    await server.kill();
    for (const page of [moderator, speaker]) {
      await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'offline');
      await expect(page.getByTestId('view-root')).toHaveAttribute('data-link', 'offline');
    }
    // The clock never waits for the network: it keeps counting while offline.
    const digits = speaker.getByTestId('clock-remaining');
    const offlineAt = await secondsShown(digits);
    await expect.poll(() => secondsShown(digits), { timeout: 8_000 }).toBeLessThanOrEqual(offlineAt - 2);

    await moderator.getByTestId('btn-pause').click();
    const error = moderator.getByTestId('command-error');
    await expect(error).toHaveAttribute('data-code', 'offline');
    await expect(error).toHaveText('Offline: the command was not sent.');

    const again = await server.restart();
    try {
      for (const page of [moderator, speaker]) {
        await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online', { timeout: 15_000 });
      }
      await moderator.getByTestId('btn-pause').click();
      await expect(error).toBeEmpty();
      await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-status', 'paused');
    } finally {
      await again.stop();
    }
  });
});
