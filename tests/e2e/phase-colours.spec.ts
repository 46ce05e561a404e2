import type { Page } from '@playwright/test';
import type { Phase } from '../../shared/clock/clock-state';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * Issue #13: the phase colours differed between the speaker monitor and the console or booth.
 * Each phase now shows in one colour on all three (defined once, in styles/base.css).
 */

const EXPECTED: Record<Phase, string> = {
  normal: 'rgb(0, 158, 115)',
  warning: 'rgb(240, 228, 66)',
  danger: 'rgb(213, 94, 0)',
  overtime: 'rgb(204, 121, 167)',
};

const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

/**
 * Where each view shows the phase: the console and the booth, their phase pill; the monitor, its
 * progress bar while all is well, the "wrap up" pill, then the whole screen.
 */
function phaseColour(page: Page, view: 'moderator' | 'booth' | 'speaker', phase: Phase): Promise<string> {
  if (view !== 'speaker') return background(page, '[data-testid="phase-label"]');
  if (phase === 'normal') return background(page, '.speaker-progress__fill');
  if (phase === 'warning') return background(page, '[data-testid="phase-label"]');
  return background(page, '.speaker');
}

test('each phase has the same colour on the console, the booth and the speaker monitor', async ({ server, openView }) => {
  test.slow(); // three views through four phases
  const api = apiClient(server.url, server.tokens.control);
  const views = {
    moderator: await openView('moderator'),
    booth: await openView('booth'),
    speaker: await openView('speaker'),
  };
  const item = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId: item });

  // 7:00 − 5:20 = 1:40 left (warning); − 1:15 more = 0:25 (danger); − 0:30 more = overtime.
  const steps: [Phase, number][] = [
    ['normal', 0],
    ['warning', -320],
    ['danger', -75],
    ['overtime', -30],
  ];
  for (const [phase, seconds] of steps) {
    if (seconds !== 0) await api.command({ type: 'adjust', seconds, expectedItemId: item });
    for (const [view, page] of Object.entries(views) as [keyof typeof views, Page][]) {
      await expect(page.getByTestId('view-root')).toHaveAttribute('data-phase', phase);
      await expect.poll(() => phaseColour(page, view, phase), { message: `${view} in ${phase}` }).toBe(EXPECTED[phase]);
    }
  }
});
