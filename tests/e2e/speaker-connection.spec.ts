import { apiClient } from '../helpers/api-client';
import { secondsShown } from './speaker-support';
import { expect, test } from './fixtures';

test.use({ allowConsoleErrors: /ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/ });

test('offline within 3 s of the server stopping, still counting, and back in sync after a restart without a reload', async ({ server, openView }) => {
  test.slow(); // a server restart
  const speaker = await openView('speaker');
  await speaker.getByTestId('lang-en').click();
  const digits = speaker.getByTestId('clock-remaining');
  const connection = speaker.getByTestId('connection');
  const item = (await apiClient(server.url, server.tokens.control).state()).clock.currentItemId!;
  await apiClient(server.url, server.tokens.control).command({ type: 'start', expectedItemId: item });
  await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await expect(connection).toHaveAttribute('data-link', 'online');
  await speaker.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await server.kill();
  await expect(connection).toHaveAttribute('data-link', 'offline', { timeout: 3_000 });
  await expect(connection).toHaveText('Offline — reconnecting…');
  const offlineAt = await secondsShown(digits);
  await expect.poll(() => secondsShown(digits)).toBeLessThanOrEqual(offlineAt - 2);

  const again = await server.restart();
  try {
    await expect(connection).toHaveAttribute('data-link', 'online', { timeout: 10_000 });
    // A change made on the restarted server reaches the monitor: it resynced.
    await apiClient(again.url, again.tokens.control).command({ type: 'adjust', seconds: -300, expectedItemId: item });
    await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-phase', 'warning');
    expect(await secondsShown(digits)).toBeLessThan(120);
    expect(await speaker.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  } finally {
    await again.stop();
  }
});

test('a server that stops answering (the connection still open) reads as offline within 3 s of silence', async ({ server, openView }) => {
  const speaker = await openView('speaker');
  const connection = speaker.getByTestId('connection');
  await expect(connection).toHaveAttribute('data-link', 'online');
  await expect(speaker.getByTestId('clock-remaining')).toHaveText('7:00');

  // Frozen, not dead: the socket stays open, only the pings go unanswered.
  server.process.kill('SIGSTOP');
  try {
    // The last answer came at most a second (one ping) before the freeze.
    await expect(connection).toHaveAttribute('data-link', 'offline', { timeout: 3_500 });
  } finally {
    server.process.kill('SIGCONT');
  }
  await expect(connection).toHaveAttribute('data-link', 'online', { timeout: 10_000 });
  await expect(speaker.getByTestId('clock-remaining')).toHaveText('7:00');
});
