import { timeOfDayIn } from '../../shared/time/zoned-time';
import { instant } from '../../shared/time/instant';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** The studio clock (#19, docs/outputs.md). */

test('shows the time of day in the primary and extra zones, a seconds ring, and the remaining time with its phase', async ({ openView, server }) => {
  const api = apiClient(server.url, server.tokens.control);
  const { agenda, clock } = await api.state();
  const page = await openView('clock', { viewport: { width: 1920, height: 1080 } });
  const time = page.getByTestId('clock-time');
  await expect(time).toHaveText(/^\d\d:\d\d:\d\d$/);
  // The server runs on this machine: its clock is this clock (within the second the check takes).
  await expect
    .poll(async () => {
      const shown = await time.textContent();
      const now = Date.now();
      return [now - 1000, now, now + 1000].map((t) => timeOfDayIn(instant(t), agenda.timezone, true)).includes(shown ?? '');
    })
    .toBe(true);
  await expect(page.getByTestId('clock-extra-zone')).toHaveCount(new Set(agenda.extraTimezones.filter((z) => z !== agenda.timezone)).size);
  const ring = page.getByTestId('clock-ring');
  const first = await ring.getAttribute('data-second');
  await expect(ring).not.toHaveAttribute('data-second', first!);

  await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  await expect(page.getByTestId('phase-label')).toHaveText('Ready');
  const expectedItemId = clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId });
  await api.command({ type: 'adjust', seconds: -400, expectedItemId });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-phase', 'danger');
  await expect(page.getByTestId('phase-label')).toHaveText('Time almost up');
  await expect(page.getByTestId('clock-remaining')).toHaveText(/^0:[01]\d$/);
});

test('?lang=zh: the words in Chinese', async ({ openView }) => {
  const page = await openView('clock', { query: 'lang=zh' });
  await expect(page.getByTestId('phase-label')).toHaveText('就绪');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
