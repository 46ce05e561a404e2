import config from '../../playwright.config';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

// This file runs in a Chromium that keeps its default autoplay policy: audio waits for a click.
// (The config lets every other test play sound without one.)
const launchOptions = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launchOptions,
    args: (launchOptions.args ?? []).filter((arg) => !arg.startsWith('--autoplay-policy')),
  },
});

test('where the browser blocks audio, the console says "click to enable sound", and a click enables it', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const toggle = moderator.getByTestId('sound-toggle');
  await expect(toggle).toHaveAttribute('data-state', 'blocked');
  await expect(toggle).toHaveText('Click to enable sound');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Transitions while blocked play nothing — then or later: a late cue would announce the wrong moment.
  const item = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId: item });
  await api.command({ type: 'adjust', seconds: -320, expectedItemId: item });
  await expect(moderator.getByTestId('view-root')).toHaveAttribute('data-phase', 'warning');

  await toggle.click();
  await expect(toggle).toHaveAttribute('data-state', 'on');
  await expect(toggle).toHaveText('Sound on');
  await api.command({ type: 'adjust', seconds: -75, expectedItemId: item });
  await expect
    .poll(() => moderator.evaluate(() => (window.__rostrumCuesPlayed ?? []).map((p) => p.cue)))
    .toEqual(['danger']);
});

test('switching sound on is itself the click that lets it play', async ({ openView }) => {
  const speaker = await openView('speaker');
  const toggle = speaker.getByTestId('sound-toggle');
  await expect(toggle).toHaveAttribute('data-state', 'off');
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-state', 'on');
  // Reloaded, the remembered choice waits for a click again, and says so.
  await speaker.reload();
  await expect(speaker.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'blocked');
  await speaker.getByTestId('clock-remaining').click();
  await expect(speaker.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'on');
});
