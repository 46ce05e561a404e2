import { apiClient } from '../helpers/api-client';
import { linkedStatus } from '../helpers/relay-process';
import { expect, test } from './relay-support';
import { secondsShown } from './speaker-support';

test('a remote speaker view through the relay follows start, pause and next, and says when the venue link is lost', async ({ page, venue, openRemote }) => {
  test.slow(); // a venue restart
  const status = await linkedStatus(venue);
  const control = apiClient(venue.url, venue.tokens.control);
  const state = await control.state();
  const first = state.clock.currentItemId!;

  await openRemote(page, status.links!.speaker);
  await page.getByTestId('lang-en').click();
  const root = page.getByTestId('view-root');
  const linkState = page.getByTestId('link-state');
  const digits = page.getByTestId('clock-remaining');
  await expect(linkState).toHaveAttribute('data-state', 'venue-linked');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  const firstSpeaker = await page.getByTestId('current-speaker').textContent();

  await control.command({ type: 'start', expectedItemId: first });
  await expect(root).toHaveAttribute('data-status', 'running');
  await control.command({ type: 'pause', expectedItemId: first });
  await expect(root).toHaveAttribute('data-status', 'paused');
  await control.command({ type: 'next', expectedItemId: first });
  await expect(page.getByTestId('current-speaker')).not.toHaveText(firstSpeaker!);
  const second = (await control.state()).clock.currentItemId!;
  await control.command({ type: 'start', expectedItemId: second });
  await expect(root).toHaveAttribute('data-status', 'running');
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // The venue's link drops: the view says so within 3 s and keeps counting from its last state.
  const killedAt = Date.now();
  await venue.kill();
  await expect(linkState).toHaveAttribute('data-state', 'venue-lost', { timeout: 3_000 });
  console.log(`venue-lost shown ${Date.now() - killedAt} ms after the venue died`);
  await expect(linkState).toHaveText('Venue link lost');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  const lostAt = await secondsShown(digits);
  await expect.poll(() => secondsShown(digits)).toBeLessThanOrEqual(lostAt - 2);
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`remote-speaker-venue-lost-${size.width}x${size.height}.png`) });
  }

  // The venue returns: the view resynchronises without a reload.
  const restarted = await venue.restart();
  await expect(linkState).toHaveAttribute('data-state', 'venue-linked', { timeout: 10_000 });
  await apiClient(restarted.url, restarted.tokens.control).command({ type: 'pause', expectedItemId: second });
  await expect(root).toHaveAttribute('data-status', 'paused');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("a remote booth's slow-down reaches the venue console, its acknowledgement returns, and a request while the venue is lost is refused visibly", async ({ page, context, venue, openRemote }) => {
  test.slow();
  const status = await linkedStatus(venue);
  await openRemote(page, status.links!.booth);
  const moderator = await context.newPage();
  await moderator.goto(`${venue.url}/moderator?token=${encodeURIComponent(venue.tokens.control)}`);

  const slowDown = page.getByTestId('request-slow-down');
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-linked');
  await slowDown.click();
  await expect(slowDown).toHaveAttribute('data-state', 'open');
  const row = moderator.locator('[data-testid="booth-request"][data-kind="slow-down"]');
  await expect(row).toHaveCount(1);

  const control = apiClient(venue.url, venue.tokens.control);
  const open = (await control.state()).booth.requests;
  expect((await control.command({ type: 'booth.ack', requestId: open[0]!.id })).status).toBe(200);
  await expect(slowDown).toHaveAttribute('data-state', 'acknowledged');

  await moderator.close();
  await venue.kill();
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-lost', { timeout: 3_000 });
  await page.getByTestId('request-no-audio').click();
  const refusal = page.getByTestId('request-error');
  await expect(refusal).toHaveAttribute('data-code', 'venue-unavailable');
  await expect(refusal).toHaveText('The venue is not linked to this relay right now: nothing was sent. Try again in a moment.');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('remote-booth-venue-lost-1366x768.png') });
  await expect(page.getByTestId('request-no-audio')).toHaveAttribute('data-state', 'none');
});

test('remote views reconnect by themselves when the relay restarts', async ({ page, relay, venue, openRemote }) => {
  test.slow(); // a relay restart, the venue's backoff, the view's retry
  const status = await linkedStatus(venue);
  await openRemote(page, status.links!.speaker);
  const connection = page.getByTestId('connection');
  await expect(connection).toHaveAttribute('data-link', 'online');
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await relay.kill();
  await expect(connection).toHaveAttribute('data-link', 'offline', { timeout: 5_000 });
  const control = apiClient(venue.url, venue.tokens.control);
  expect((await control.command({ type: 'message.speaker', text: 'Sent while the relay was down' })).status).toBe(200);
  await relay.restart();
  await expect(connection).toHaveAttribute('data-link', 'online', { timeout: 20_000 });
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-linked');
  await expect(page.getByTestId('speaker-message')).toContainText('Sent while the relay was down');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
