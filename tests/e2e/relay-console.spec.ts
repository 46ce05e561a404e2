import { relayStatus, tokenOf } from '../helpers/relay-process';
import { expect, test, watchRemotePage } from './relay-support';

// The relay link set from the console's Network panel (#17): URL, key, on/off, co-host, new links.
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

// The moderator links the venue in the test.
test.use({ linkVenue: false });

test('the moderator links the venue to a relay from the Network panel, makes a new speaker link and switches the co-host on', async ({ page, browser, relay, venue, remoteProblems: problems, openRemote }) => {
  test.slow();
  // The console's own refusals (400) are logged by the browser as failed loads: watch CSP only there.
  page.on('console', (msg) => void (msg.text().startsWith('securitypolicyviolation') && problems.push(msg.text())));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective}`)));
  await page.goto(`${venue.url}/moderator?token=${encodeURIComponent(venue.tokens.control)}`);
  await page.getByTestId('lang-en').first().click();
  await page.getByTestId('network-open').click();
  const remote = page.getByTestId('network-panel').getByTestId('remote-links');
  const form = remote.getByTestId('relay-form');
  await expect(remote).toHaveAttribute('data-state', 'off');
  await expect(form).toHaveAttribute('data-key-set', 'false');

  // A wrong URL is named, and nothing changes.
  await form.getByTestId('relay-url').fill('ftp://relay.example.org');
  await form.getByTestId('relay-apply').click();
  await expect(form.getByTestId('relay-form-error')).toContainText('url: must start with https://');
  await expect(remote).toHaveAttribute('data-state', 'off');

  // Switching on with no key: the venue names the missing field.
  await form.getByTestId('relay-url').fill(relay.url);
  // click, not check: the box springs back when the venue refuses.
  await form.getByTestId('relay-toggle').click();
  await expect(form.getByTestId('relay-form-error')).toContainText('key: give the link key');
  await expect(form.getByTestId('relay-toggle')).not.toBeChecked();

  await form.getByTestId('relay-key').fill(relay.key);
  await form.getByTestId('relay-toggle').check();
  await expect(remote).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await expect(form).toHaveAttribute('data-key-set', 'true');
  await expect(form.getByTestId('relay-key')).toHaveValue('');
  await expect(form.getByTestId('relay-form-error')).toHaveCount(0);
  await expect(remote.getByTestId('relay-state')).toContainText('Relay link: connected');
  // Never shown back: the page holds no trace of the key.
  expect(await page.content()).not.toContain(relay.key);

  const status = await relayStatus(venue.url, venue.tokens.control);
  await expect(remote.getByTestId('remote-url-speaker')).toHaveText(status.links!.speaker);
  await expect(remote.getByTestId('remote-qr-speaker')).toHaveAttribute('data-text', status.links!.speaker);
  await expect(remote.getByTestId('remote-url-moderator')).toHaveCount(0);

  // A remote speaker on the current link is dropped when the link is renewed.
  const viewer = await (await browser.newContext()).newPage();
  await openRemote(viewer, status.links!.speaker);
  await expect(viewer.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-linked');
  await remote.getByTestId('remote-rotate-speaker').click();
  await page.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
  await expect(remote.getByTestId('remote-rotate-note')).toContainText('New "Remote speaker" link made');
  await expect(remote.getByTestId('remote-url-speaker')).not.toHaveText(status.links!.speaker);
  const renewed = (await relayStatus(venue.url, venue.tokens.control)).links!.speaker;
  expect(tokenOf(renewed)).not.toBe(tokenOf(status.links!.speaker));
  await expect(remote.getByTestId('remote-qr-speaker')).toHaveAttribute('data-text', renewed);
  await expect(viewer.getByTestId('connection')).not.toHaveAttribute('data-link', 'online', { timeout: 10_000 });
  await viewer.context().close();

  await form.getByTestId('relay-cohost').check();
  await expect(remote.getByTestId('remote-url-moderator')).toContainText('/moderator?token=');

  // The co-host's console on the relay runs the clock at the venue.
  const cohostLink = (await relayStatus(venue.url, venue.tokens.control)).links!.moderator!;
  const cohost = await (await browser.newContext()).newPage();
  // On a relay the console's HTTP-only panels are not there: its report links answer 404 (docs/remote.md).
  const cohostProblems: string[] = [];
  await watchRemotePage(cohost, cohostProblems);
  const notHere: string[] = [];
  cohost.on('response', (r) => void (r.status() === 404 && notHere.push(new URL(r.url()).pathname)));
  await cohost.goto(cohostLink);
  await expect(cohost.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await cohost.getByTestId('btn-start').click();
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await cohost.screenshot({ path: test.info().outputPath('cohost-console-on-relay.png') });
  await cohost.context().close();
  expect(notHere).toEqual(['/api/v1/report/links']);
  problems.push(...cohostProblems.filter((p) => !/status of 404/.test(p)));

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await remote.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`console-relay-form-${size.width}x${size.height}.png`) });
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-zh').first().click();
  await page.getByTestId('network-open').click();
  await expect(form.getByTestId('relay-apply')).toHaveText('应用');
  await remote.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('console-relay-form-zh-390x844.png') });

  // Off again: the venue unlinks at once.
  await form.getByTestId('relay-toggle').uncheck();
  await expect(remote).toHaveAttribute('data-state', 'off');
});
