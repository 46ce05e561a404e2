import type { Browser, Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { linkedStatus } from '../helpers/relay-process';
import { expect, test } from './relay-support';

/** A zone none of the reference event's zones is in: the viewer's own. */
const VIEWER_ZONE = 'America/New_York';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

/** A page in a browser context whose own time zone is VIEWER_ZONE, opened with the fixture's openRemote. */
async function openInViewerZone(browser: Browser, openRemote: (page: Page, link: string) => Promise<Page>, link: string): Promise<Page> {
  const page = await openRemote(await (await browser.newContext({ timezoneId: VIEWER_ZONE })).newPage(), link);
  await page.getByTestId('lang-en').click();
  return page;
}

/** Minutes east of UTC of `zone` now. */
function offsetMinutes(zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date());
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - Math.floor(Date.now() / 60_000) * 60_000) / 60_000);
}

const minutesOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

test("an online speaker's personal link: when they are on before, their countdown during, thanks after", async ({ browser, relay, venue, openRemote }) => {
  test.slow();
  const status = await linkedStatus(venue);
  const control = apiClient(venue.url, venue.tokens.control);
  const state = await control.state();
  const [first, second] = state.agenda.sessions.flatMap((s) => s.items);
  const personal = status.speakerLinks.find((l) => l.itemId === second!.id)!;
  expect(new URL(personal.url).searchParams.get('item')).toBe(second!.id);
  expect(personal.url.startsWith(`${relay.url}/speaker?`)).toBe(true);

  const page = await openInViewerZone(browser, openRemote, personal.url);
  const phase = page.getByTestId('personal-state');
  await expect(phase).toHaveAttribute('data-state', 'before');
  // The reference event's date is not today: not live yet, its planned start is past or far ahead.
  await expect(page.getByTestId('personal-wait')).toHaveText(/^You are on (shortly|in \d+ h \d+ min)$/);
  await expect(page.getByTestId('clock-remaining')).toHaveCount(0);
  // "15:35 Beijing · 08:35 CET · your time 21:35": the event's zones, then the viewer's own.
  const start = page.getByTestId('personal-start');
  await expect(start).toHaveText(/^\d\d:\d\d \S+( · \d\d:\d\d \S+)* · your time \d\d:\d\d$/);
  const text = (await start.textContent())!;
  const primary = minutesOfDay(text);
  const own = minutesOfDay(/your time (\d\d:\d\d)/.exec(text)![1]!);
  const expected = offsetMinutes(VIEWER_ZONE) - offsetMinutes(state.agenda.timezone);
  expect((((own - primary - expected) % 1440) + 1440) % 1440).toBe(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`personal-before-${size.width}x${size.height}.png`) });
  }

  // The first item runs: the event is live, the second projected to start when the first's time is up.
  await control.command({ type: 'start', expectedItemId: first!.id });
  await expect(phase).toHaveAttribute('data-state', 'before');
  const minutes = Math.ceil(first!.durationSec! / 60);
  await expect(page.getByTestId('personal-wait')).toHaveText(new RegExp(`^You are on in (${minutes}|${minutes - 1}) min$`));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('personal-before-live-1366x768.png') });

  // Their item: the countdown, with the local speaker view's test ids.
  await control.command({ type: 'next', expectedItemId: first!.id });
  await expect(phase).toHaveCount(0);
  await expect(page.getByTestId('clock-remaining')).toBeVisible();
  await expect(page.getByTestId('current-speaker')).toContainText(second!.speaker.name);
  await control.command({ type: 'start', expectedItemId: second!.id });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'running');

  // After: thanks, in either language.
  await control.command({ type: 'next', expectedItemId: second!.id });
  await expect(phase).toHaveAttribute('data-state', 'after');
  await expect(phase).toHaveText('Thank you');
  await page.getByTestId('lang-zh').click();
  await expect(phase).toHaveText('谢谢');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('personal-after-390x844.png') });
  await page.context().close();
});

test("remote speaker and booth views show the viewer's own time beside the event's, only where it differs, never at the venue", async ({ browser, venue, openRemote }) => {
  const status = await linkedStatus(venue);
  const state = await apiClient(venue.url, venue.tokens.control).state();
  const offset = offsetMinutes(VIEWER_ZONE) - offsetMinutes(state.agenda.timezone);
  const sameDay = (own: string, event: string) => (((minutesOfDay(own) - minutesOfDay(event) - offset) % 1440) + 1440) % 1440;

  const speaker = await openInViewerZone(browser, openRemote, status.links!.speaker);
  const own = speaker.getByTestId('own-time');
  await expect(own).toHaveText(/^your time \d\d:\d\d$/);
  // The minute may turn between the two reads.
  expect([0, 1, 1439]).toContain(sameDay((await own.textContent())!.slice(-5), (await speaker.getByTestId('time-of-day').textContent())!));
  for (const size of SIZES) {
    await speaker.setViewportSize(size);
    await speaker.screenshot({ path: test.info().outputPath(`remote-speaker-own-time-${size.width}x${size.height}.png`) });
  }
  await speaker.getByTestId('lang-zh').click();
  await expect(own).toHaveText(/^您的时间 \d\d:\d\d$/);

  const booth = await openInViewerZone(browser, openRemote, status.links!.booth);
  await expect(booth.getByTestId('own-time')).toHaveText(/^your time \d\d:\d\d$/);
  for (const size of SIZES) {
    await booth.setViewportSize(size);
    await booth.screenshot({ path: test.info().outputPath(`remote-booth-own-time-${size.width}x${size.height}.png`) });
  }

  // A viewer in the event's own zone: nothing to add.
  const local = await browser.newContext({ timezoneId: state.agenda.timezone });
  const inZone = await local.newPage();
  await inZone.goto(status.links!.speaker);
  await expect(inZone.getByTestId('time-of-day')).toBeVisible();
  await expect(inZone.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-linked');
  await expect(inZone.getByTestId('own-time')).toHaveCount(0);

  // At the venue, never (its views are in the room).
  const atVenue = await speaker.context().newPage();
  await atVenue.goto(`${venue.url}/speaker?token=${encodeURIComponent(venue.tokens.view)}`);
  await expect(atVenue.getByTestId('time-of-day')).toBeVisible();
  await expect(atVenue.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(atVenue.getByTestId('own-time')).toHaveCount(0);
  await Promise.all([speaker.context().close(), booth.context().close(), local.close()]);
});

test('the audience page on the relay: now, next and the agenda with projected starts, following the venue; no clock digits', async ({ browser, venue, openRemote }) => {
  const status = await linkedStatus(venue);
  expect(new URL(status.links!.audience).pathname).toBe('/audience');
  const control = apiClient(venue.url, venue.tokens.control);
  const state = await control.state();
  const [first, second, third] = state.agenda.sessions.flatMap((s) => s.items);

  const page = await openInViewerZone(browser, openRemote, status.links!.audience);
  await expect(page.getByTestId('audience')).toBeVisible();
  await expect(page.getByTestId('clock-remaining')).toHaveCount(0);
  await expect(page.getByTestId('audience-item')).toHaveCount(state.agenda.sessions.flatMap((s) => s.items).length);
  await expect(page.getByTestId('next-start')).toHaveText(/^\d\d:\d\d \S+( · \d\d:\d\d \S+)* · your time \d\d:\d\d$/);

  await control.command({ type: 'start', expectedItemId: first!.id });
  await control.command({ type: 'next', expectedItemId: first!.id });
  await expect(page.getByTestId('current-speaker')).toContainText(second!.speaker.name);
  await expect(page.getByTestId('next-speaker')).toContainText(third!.speaker.name);
  await expect(page.locator(`[data-testid="audience-item"][data-item="${first!.id}"]`)).toHaveAttribute('data-progress', 'done');
  await expect(page.locator(`[data-testid="audience-item"][data-item="${second!.id}"]`)).toHaveAttribute('data-progress', 'current');
  await expect(page.getByTestId('clock-remaining')).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`audience-${size.width}x${size.height}.png`) });
  }
  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('next-start')).toContainText('您的时间');
  await page.screenshot({ path: test.info().outputPath('audience-zh-390x844.png') });

  // At the venue, with the view token.
  const atVenue = await page.context().newPage();
  await atVenue.goto(`${venue.url}/audience?token=${encodeURIComponent(venue.tokens.view)}`);
  await expect(atVenue.getByTestId('current-speaker')).toContainText(second!.speaker.name);
  await page.context().close();
});

test('the lower third and the studio clock on the relay, with the remote audience token: the name follows start and next at the venue', async ({ browser, relay, venue, openRemote }) => {
  const status = await linkedStatus(venue);
  const links = status.outputLinks!;
  expect(new URL(links['lower-third']).pathname).toBe('/lower-third');
  expect(new URL(links['lower-third']).searchParams.get('token')).toBe(new URL(status.links!.audience).searchParams.get('token'));
  const control = apiClient(venue.url, venue.tokens.control);
  const state = await control.state();
  const [first, second] = state.agenda.sessions.flatMap((s) => s.items);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const overlay = await context.newPage();
  await openRemote(overlay, `${links['lower-third']}&lang=en`);
  const box = overlay.getByTestId('lower-third');
  await expect(overlay.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(box).toHaveAttribute('data-state', 'out');

  await control.command({ type: 'start', expectedItemId: first!.id });
  await expect(box).toHaveAttribute('data-state', 'in');
  await expect(overlay.getByTestId('lower-third-name')).toHaveText(first!.speaker.name || first!.title);
  await control.command({ type: 'next', expectedItemId: first!.id });
  await expect(box).toHaveAttribute('data-state', 'in');
  await expect(overlay.getByTestId('lower-third-name')).toHaveText(second!.speaker.name || second!.title);
  await overlay.screenshot({ path: test.info().outputPath('relay-lower-third-1920x1080.png') });

  const clock = await context.newPage();
  await openRemote(clock, links.clock);
  await expect(clock.getByTestId('clock-time').first()).toHaveText(/\d\d:\d\d/);
  await expect(clock.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await clock.screenshot({ path: test.info().outputPath('relay-clock-1920x1080.png') });

  // The venue's own view token means nothing on the relay: the overlay says it is not let in.
  const refused = await context.newPage();
  await refused.goto(`${relay.url}/lower-third?token=${encodeURIComponent(venue.tokens.view)}`);
  await expect(refused.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
  await expect(refused.getByTestId('lower-third')).toHaveAttribute('data-state', 'out');
  await context.close();
});

test("the console's Network panel shows the relay link, the remote links with QR codes, and each speaker's personal link", async ({ page, relay, venue }) => {
  const status = await linkedStatus(venue);
  await page.goto(`${venue.url}/moderator?token=${encodeURIComponent(venue.tokens.control)}`);
  await page.getByTestId('lang-en').first().click();
  await page.getByTestId('network-open').click();
  const remote = page.getByTestId('network-panel').getByTestId('remote-links');
  await expect(remote).toHaveAttribute('data-state', 'connected');
  await expect(remote.getByTestId('relay-state')).toContainText('Relay link: connected');
  for (const role of ['speaker', 'booth', 'audience'] as const) {
    await expect(remote.getByTestId(`remote-url-${role}`)).toHaveText(status.links![role]);
    await expect(remote.getByTestId(`remote-qr-${role}`)).toHaveAttribute('data-text', status.links![role]);
  }
  for (const view of ['lower-third', 'clock'] as const) {
    await expect(remote.getByTestId(`remote-output-url-${view}`)).toHaveText(status.outputLinks![view]);
  }
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await remote.getByTestId('remote-output-url-clock').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`console-remote-outputs-${size.width}x${size.height}.png`) });
  }
  await expect(remote.getByTestId('remote-personal')).toHaveCount(status.speakerLinks.length);
  const first = status.speakerLinks[0]!;
  await expect(remote.locator(`[data-testid="remote-personal"][data-item="${first.itemId}"] code`)).toHaveText(first.url);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await remote.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`console-remote-${size.width}x${size.height}.png`) });
  }

  // The relay goes away: the section says so within its refresh.
  await relay.kill();
  await expect(remote).not.toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
});
