import type { Page } from '@playwright/test';
import { projectSchedule } from '../../shared/schedule/projection';
import { instant } from '../../shared/time/instant';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

const cuesPlayed = (page: Page) => page.evaluate(() => (window.__rostrumCuesPlayed ?? []).map((p) => p.cue));

test('the handover timer warns 60 s before the turn ends, on screen and with the soft cue, then says to hand over', async ({ server, openView }) => {
  const boothApi = apiClient(server.url, server.tokens.booth);
  const booth = await openView('booth');
  const timer = booth.getByTestId('handover-remaining');
  const status = booth.getByTestId('handover-status');
  await expect(timer).toHaveAttribute('data-state', 'stopped');
  await expect(timer).toHaveText('30:00');
  // Sound is off in a booth until it is switched on (Q).
  const sound = booth.getByTestId('sound-toggle');
  await expect(sound).toHaveAttribute('data-state', 'off');
  await booth.keyboard.press('q');
  await expect(sound).toHaveAttribute('data-state', 'on');

  // A turn of 62 s, set through the API: it runs, then the warning fires at 60 s.
  expect((await boothApi.command({ type: 'booth.turn.start', booth: 'Booth A', turnSec: 62 })).status).toBe(200);
  await expect(timer).toHaveAttribute('data-state', 'running');
  await expect(timer).toHaveText(/^1:0[0-2]$/);
  await expect(timer).toHaveAttribute('data-state', 'warning', { timeout: 8_000 });
  await expect(status).toHaveText(/^Handover in 0:[56]\d — get ready$/);
  await expect(status).toHaveAttribute('role', 'alert');
  await expect.poll(() => cuesPlayed(booth)).toEqual(['handover']);

  // Shortened to 3 s while it runs: the handover is due.
  expect((await boothApi.command({ type: 'booth.turn.length', booth: 'Booth A', turnSec: 3 })).status).toBe(200);
  await expect(timer).toHaveAttribute('data-state', 'due');
  await expect(status).toHaveText('Hand over now');
  await expect(timer).toHaveText(/^\+0:\d\d$/);

  // Stop (R) from the booth.
  await booth.keyboard.press('r');
  await expect(timer).toHaveAttribute('data-state', 'stopped');
  expect((await boothApi.state()).booth.turns['Booth A']).toEqual({ turnSec: 3, startedAt: null });
  // One cue for the one warning: not again when it fell due.
  expect(await cuesPlayed(booth)).toEqual(['handover']);
});

test('presets and start from the booth keys; a handover due mid-speech suggests the nearest item boundary', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const booth = await openView('booth');
  const timer = booth.getByTestId('handover-remaining');

  // The opening runs: four 7-minute speakers from now.
  expect((await control.command({ type: 'start', expectedItemId: 'open-local-gov' })).status).toBe(200);
  await booth.keyboard.press('2');
  await expect(booth.getByTestId('handover-preset-20')).toHaveAttribute('aria-pressed', 'true');
  await expect(timer).toHaveText('20:00');
  await booth.keyboard.press('h');
  await expect(timer).toHaveAttribute('data-state', 'running');
  const turn = (await control.state()).booth.turns['Booth A']!;
  expect(turn.turnSec).toBe(1200);
  expect(turn.startedAt).not.toBeNull();

  // Handover at +20:00 falls in Mr SUN's speech (14:00–21:00 in): better after him, a minute later.
  const note = booth.getByTestId('handover-midspeech');
  await expect(note).toHaveAttribute('data-item-id', 'open-sun');
  await expect(note).toHaveAttribute('data-edge', 'after');
  await expect(booth.getByTestId('handover-suggestion')).toContainText(/after Mr SUN Ruizhe \(0:5\d later|after Mr SUN Ruizhe \(1:0\d later/);
  const state = await control.state();
  const sun = projectSchedule(state, instant(state.serverTime)).items.find((i) => i.itemId === 'open-sun')!;
  expect(Math.abs(Number(await note.getAttribute('data-suggest-at')) - sun.projectedEnd!)).toBeLessThanOrEqual(1000);

  // Stopped, there is nothing to warn about.
  await booth.keyboard.press('r');
  await expect(timer).toHaveAttribute('data-state', 'stopped');
  await expect(note).toHaveCount(0);
});
