import { join } from 'node:path';
import { dateIn, timeOfDayIn } from '../../shared/time/zoned-time';
import { apiClient } from '../../tests/helpers/api-client';
import { expect, test } from '../../tests/e2e/fixtures';
import { MORE_SHOTS } from './shots-dir';

/**
 * Automatic timing (part of `npm run screenshots`): a session waiting to start by itself ("Starts
 * in", the console's hold), and two extra timers shown on the speaker, booth and audience views,
 * at 1920×1080, 1366×768 and 390×844, into test-results/screenshots/timing-*.png.
 */
test.slow();

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

test('screenshots of automatic timing on every view', async ({ server, openView, context }) => {
  const control = apiClient(server.url, server.tokens.control);
  const ok = async (command: Record<string, unknown>) => expect((await control.command(command)).status).toBe(200);
  const state = await control.state();
  const now = state.serverTime;
  // The sample, today, with the opening starting by itself 4 to 5 minutes from now.
  const start = timeOfDayIn((Math.ceil((now + 4 * 60_000) / 60_000) * 60_000) as never, state.agenda.timezone);
  const sessions = state.agenda.sessions.map((s, i) => (i === 0 ? { ...s, plannedStart: start, plannedEnd: '23:59', autoStart: true, autoAdvance: { graceSec: 10 } } : s));
  await ok({ type: 'agenda.replace', agenda: { ...state.agenda, date: dateIn(now, state.agenda.timezone), sessions: sessions.slice(0, 1) } });
  await ok({ type: 'aux.set', timerId: 1, durationSec: 900, direction: 'down', label: 'Coffee break ends', views: ['speaker', 'booth', 'audience'] });
  await ok({ type: 'aux.start', timerId: 1 });
  await ok({ type: 'aux.set', timerId: 2, durationSec: 0, direction: 'up', label: 'Q&A', views: ['audience'] });
  await ok({ type: 'aux.start', timerId: 2 });

  const pages = {
    moderator: await openView('moderator'),
    speaker: await openView('speaker'),
    booth: await openView('booth'),
    audience: await context.newPage(),
  };
  await pages.audience.goto(`${server.url}/audience?token=${server.tokens.view}`);
  for (const [name, page] of Object.entries(pages)) {
    await expect(page.getByTestId(name === 'moderator' ? 'scheduled-start' : 'starts-in')).toBeVisible();
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(MORE_SHOTS, `timing-${name}-${viewport.width}x${viewport.height}.png`) });
    }
  }
  await pages.audience.close();
});
