import type { Locator, Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * Issue #13, point 3: at 1366×768, once the right-hand column has scrolled (clicking into the
 * message field does it), the Booth requests panel is out of sight. A request must still be
 * impossible to miss: a badge in the top bar, the count in the title, and a chime one can mute.
 */

/** The request chime is the handover sound, which the console plays for nothing else. */
const requestsPlayed = (page: Page) => page.evaluate(() => (window.__rostrumCuesPlayed ?? []).filter((p) => p.cue === 'handover').length);

/** Whether any part of the element is inside the window. */
const inView = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
  });

test('a booth request shows in the top bar and the title, and chimes, wherever the console is scrolled; the chime can be muted', async ({ server, openView }) => {
  test.slow(); // a reload and two requests
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator', { viewport: { width: 1366, height: 768 } });
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(moderator.getByTestId('sound-toggle')).toHaveAttribute('data-state', 'on');
  await expect(moderator).toHaveTitle('Rostrum — Moderator');
  const badge = moderator.getByTestId('booth-request-badge');
  await expect(badge).toHaveCount(0);

  // Into the message field, and the right column scrolled to its end: the requests panel's
  // heading is above the column's visible area.
  await moderator.getByTestId('message-text').click();
  const side = moderator.locator('.moderator__side');
  await side.hover();
  await moderator.mouse.wheel(0, 2000);
  const panel = moderator.getByTestId('booth-requests');
  await expect
    .poll(async () => (await panel.boundingBox())!.y < (await side.boundingBox())!.y)
    .toBe(true);

  expect((await api.command({ type: 'booth.request', booth: 'Booth A', kind: 'slow-down' })).status).toBe(200);
  await expect(badge).toBeVisible();
  await expect(badge.getByTestId('booth-request-badge-count')).toHaveText('1');
  expect(await inView(badge)).toBe(true);
  await expect(moderator).toHaveTitle('(1) Rostrum — Moderator');
  await expect.poll(() => requestsPlayed(moderator), { timeout: 15_000 }).toBe(1);
  // The typing was not interrupted, and the panel did not jump into view by itself.
  await expect(moderator.getByTestId('message-text')).toBeFocused();

  // Asked again: the same request, one more chime.
  expect((await api.command({ type: 'booth.request', booth: 'Booth A', kind: 'slow-down' })).status).toBe(200);
  await expect.poll(() => requestsPlayed(moderator), { timeout: 15_000 }).toBe(2);
  await expect(badge.getByTestId('booth-request-badge-count')).toHaveText('1');

  // The badge brings the panel into view.
  await badge.click();
  await expect.poll(async () => (await panel.boundingBox())!.y >= (await side.boundingBox())!.y).toBe(true);
  await expect(panel.getByTestId('booth-request')).toHaveCount(1);

  // Muted, and still muted after a reload: the next request shows, but makes no sound.
  const chime = moderator.getByTestId('request-chime-toggle');
  await expect(chime).toHaveAttribute('data-state', 'on');
  await chime.click();
  await expect(chime).toHaveAttribute('data-state', 'off');
  await moderator.reload();
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(moderator.getByTestId('request-chime-toggle')).toHaveAttribute('data-state', 'off');
  await expect(moderator).toHaveTitle('(1) Rostrum — Moderator');
  expect((await api.command({ type: 'booth.request', booth: 'Booth B', kind: 'no-audio' })).status).toBe(200);
  await expect(badge.getByTestId('booth-request-badge-count')).toHaveText('2');
  await expect(moderator).toHaveTitle('(2) Rostrum — Moderator');
  // A cue played after the request would be heard by now: the console's own start cue, asked for next.
  await moderator.getByTestId('btn-start').click();
  await expect.poll(() => moderator.evaluate(() => (window.__rostrumCuesPlayed ?? []).map((p) => p.cue)), { timeout: 15_000 }).toEqual(['start']);

  // Acknowledged: the badge goes, and the title is plain again.
  for (const request of (await api.state()).booth.requests) await api.command({ type: 'booth.ack', requestId: request.id });
  await expect(badge).toHaveCount(0);
  await expect(moderator).toHaveTitle('Rostrum — Moderator');
});
