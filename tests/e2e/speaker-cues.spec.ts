import type { Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import type { StartedServer } from '../helpers/server-process';
import { SERVER_DOWN_ERRORS, expect, test } from './fixtures';

/** The cues a page played, from howler's `play` events (renderer/audio/player.ts). */
const playedOn = (page: Page) =>
  page.evaluate(() => (window.__rostrumCuesPlayed ?? []).map((p) => ({ cue: p.cue, at: p.at })));

/** How long a cue may take to be heard, on a machine busy running other tests: its exactness is what counts. */
const HEARD = { timeout: 15_000 };

/** Every cue played by any of the pages (and, from `before`, by documents since reloaded), in order. */
async function playedByAll(pages: Page[], before: { cue: string; at: number }[] = []): Promise<string[]> {
  const all = [...before, ...(await Promise.all(pages.map(playedOn))).flat()];
  return all.sort((a, b) => a.at - b.at).map((p) => p.cue);
}

test('sound is on in the console and off on the monitor by default, and each display remembers its choice', async ({ openView }) => {
  test.slow(); // two views, each loaded twice
  const moderator = await openView('moderator');
  const speaker = await openView('speaker');
  const consoleToggle = moderator.getByTestId('sound-toggle');
  const monitorToggle = speaker.getByTestId('sound-toggle');
  await expect(consoleToggle).toHaveAttribute('data-state', 'on');
  await expect(consoleToggle).toHaveText('Sound on');
  await expect(monitorToggle).toHaveAttribute('data-state', 'off');
  await expect(monitorToggle).toHaveAttribute('aria-pressed', 'false');

  await monitorToggle.click();
  await consoleToggle.click();
  await expect(monitorToggle).toHaveAttribute('data-state', 'on');
  await expect(consoleToggle).toHaveAttribute('data-state', 'off');
  await speaker.reload();
  await moderator.reload();
  await expect(speaker.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'on');
  await expect(moderator.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'off');
});

test.describe('with the server restarted mid-way', () => {
  test.use({ allowConsoleErrors: SERVER_DOWN_ERRORS });

  test('each cue plays once per transition, in one window only, and never again on reload or reconnect', async ({ server, openView }) => {
    test.setTimeout(120_000); // two windows, a reload and a server restart, on a busy CI machine
    // Two windows of one browser with sound on, as on a laptop driving the stage monitor: the
    // console, and the monitor with its sound switched on.
    const moderator = await openView('moderator');
    const monitor = await openView('speaker');
    await monitor.getByTestId('sound-toggle').click();
    const pages = [moderator, monitor];
    for (const page of pages) await expect(page.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'on');

    let live: StartedServer = server;
    const api = () => apiClient(live.url, live.tokens.control);
    const item = (await api().state()).clock.currentItemId!;
    const beforeReload: { cue: string; at: number }[] = [];
    const played = () => playedByAll(pages, beforeReload);

    await api().command({ type: 'start', expectedItemId: item });
    await expect.poll(played, HEARD).toEqual(['start']);
    // 7:00 − 5:20 = 1:40 left (warning); − 1:15 more = 0:25 (danger); − 0:30 more = overtime.
    await api().command({ type: 'adjust', seconds: -320, expectedItemId: item });
    await expect.poll(played, HEARD).toEqual(['start', 'warning']);
    await api().command({ type: 'adjust', seconds: -75, expectedItemId: item });
    await expect.poll(played, HEARD).toEqual(['start', 'warning', 'danger']);
    await api().command({ type: 'adjust', seconds: -30, expectedItemId: item });
    await expect.poll(played, HEARD).toEqual(['start', 'warning', 'danger', 'overtime']);
    for (const page of pages) await expect(page.getByTestId('view-root')).toHaveAttribute('data-phase', 'overtime');

    // A reload, and a server restart (every display reconnects): nothing replays.
    beforeReload.push(...(await playedOn(monitor)));
    await monitor.reload();
    await expect(monitor.getByTestId('view-root')).toHaveAttribute('data-phase', 'overtime');
    await server.kill();
    for (const page of pages) await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'offline');
    live = await server.restart();
    try {
      for (const page of pages) await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online', { timeout: 10_000 });
      // The next transition is heard, and by then any replay would have been too.
      const next = 'open-cao'; // the sample's second item, 7 minutes like the first
      await api().command({ type: 'next', expectedItemId: item });
      await expect.poll(played, HEARD).toEqual(['start', 'warning', 'danger', 'overtime', 'start']);
      // …and one more, by which time a second window's copy of that start would have shown up too.
      await api().command({ type: 'adjust', seconds: -320, expectedItemId: next });
      await expect.poll(played, HEARD).toEqual(['start', 'warning', 'danger', 'overtime', 'start', 'warning']);
    } finally {
      await live.stop();
    }
  });
});

test('an item that starts already in its final seconds cues danger, not start; the event’s end cues end', async ({ server, openView }) => {
  const moderator = await openView('moderator');
  const api = apiClient(server.url, server.tokens.control);
  await expect(moderator.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'on');
  const played = () => playedByAll([moderator]);

  await api.command({ type: 'item.update', itemId: 'close-chen', patch: { durationSec: 20 } });
  await api.command({ type: 'goto', itemId: 'close-chen' });
  await api.command({ type: 'start', expectedItemId: 'close-chen' });
  await expect.poll(played, HEARD).toEqual(['danger']);
  await api.command({ type: 'next', expectedItemId: 'close-chen' });
  await expect(moderator.getByTestId('view-root')).toHaveAttribute('data-status', 'ended');
  await expect.poll(played, HEARD).toEqual(['danger', 'end']);
});
