import { expect, test } from '@playwright/test';
import type { RelayStatus } from '../../shared/contract/relay';
import type { Snapshot } from '../../shared/contract/state';
import { startRelay, until, type StartedRelay } from '../helpers/relay-process';
import { addRoom, fixtureAgenda } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { watchRemotePage } from './relay-support';

/** Rooms through the relay (docs/rooms.md): a breakout's own remote links, opened in Chromium. */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

let relay: StartedRelay;
let venue: StartedServer;
const problems: string[] = [];

const bearer = () => ({ authorization: `Bearer ${venue.tokens.control}` });
const breakoutCommand = async (command: object) => {
  const res = await fetch(`${venue.url}/api/v1/rooms/breakout/commands`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify(command) });
  expect(res.status, await res.clone().text()).toBe(200);
};
const mainCommand = async (command: object) => {
  const res = await fetch(`${venue.url}/api/v1/commands`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/json' }, body: JSON.stringify(command) });
  expect(res.status, await res.clone().text()).toBe(200);
};
const breakoutLinked = (): Promise<RelayStatus> =>
  until('the breakout to link', async () => {
    const s = (await (await fetch(`${venue.url}/api/v1/rooms/breakout/relay`, { headers: bearer() })).json()) as RelayStatus;
    const held = ((await fetch(`${relay.url}/api/v1/health`).then((r) => r.json())) as { venues: Record<string, string> }).venues['breakout'] === 'linked';
    return s.state === 'connected' && s.links !== null && held ? s : undefined;
  });

test.beforeEach(async () => {
  relay = await startRelay();
  venue = await startServer({ args: ['--relay', relay.url, '--relay-key', relay.key] });
  expect((await addRoom(venue, { id: 'breakout', name: { en: 'Breakout', zh: '分会场' } })).status).toBe(200);
  const res = await fetch(`${venue.url}/api/v1/rooms/breakout/agenda/import?format=json&apply=true`, { method: 'POST', headers: { ...bearer(), 'content-type': 'application/octet-stream' }, body: fixtureAgenda('breakout-a') });
  expect(res.status, await res.clone().text()).toBe(200);
});

test.afterEach(async () => {
  await venue.kill();
  await relay.kill();
  expect(problems.splice(0), 'no CSP violations, console errors or uncaught exceptions').toEqual([]);
});

test("the breakout's personal speaker link through the relay follows the breakout's start and message, not main's", async ({ page }) => {
  test.slow();
  const status = await breakoutLinked();
  const state = (await (await fetch(`${venue.url}/api/v1/rooms/breakout/state`, { headers: bearer() })).json()) as Snapshot;
  const first = state.agenda.sessions.flatMap((s) => s.items)[0]!;
  const personal = status.speakerLinks.find((l) => l.itemId === first.id)!;
  // The link keeps today's shape: the relay's /speaker, the item, the breakout's own remote speaker token.
  expect(personal.url.startsWith(`${relay.url}/speaker?`)).toBe(true);

  await watchRemotePage(page, problems);
  await page.goto(personal.url);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-linked');
  await expect(page.getByTestId('current-speaker')).toContainText(first.speaker.name);

  // Main's message never shows here.
  await mainCommand({ type: 'message.speaker', text: 'Plenary: two minutes' });
  await breakoutCommand({ type: 'start', expectedItemId: first.id });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('clock-remaining')).toBeVisible();
  await breakoutCommand({ type: 'message.speaker', text: 'Breakout: please wrap up' });
  await expect(page.getByTestId('speaker-message')).toContainText('Breakout: please wrap up');
  await expect(page.getByText('Plenary: two minutes')).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`breakout-personal-${size.width}x${size.height}.png`) });
  }
});

test("a room's console shows that room's remote links and QR codes in the Network panel", async ({ page }) => {
  const status = await breakoutLinked();
  page.on('console', (msg) => void (msg.text().startsWith('securitypolicyviolation') && problems.push(msg.text())));
  await page.goto(`${venue.url}/r/breakout/moderator?token=${encodeURIComponent(venue.tokens.control)}`);
  await page.getByTestId('lang-en').first().click();
  await page.getByTestId('network-open').click();
  const remote = page.getByTestId('network-panel').getByTestId('remote-links');
  await expect(remote.getByTestId('relay-state')).toContainText('Relay link: connected');
  await expect(remote.getByTestId('remote-url-speaker')).toHaveText(status.links!.speaker);
  await expect(remote.getByTestId('remote-qr-speaker')).toHaveAttribute('data-text', status.links!.speaker);
  await expect(remote.getByTestId('remote-url-booth')).toHaveText(status.links!.booth);
  await expect(remote.getByTestId('remote-room')).toContainText('room "Breakout"');
  const main = (await (await fetch(`${venue.url}/api/v1/relay`, { headers: bearer() })).json()) as RelayStatus;
  expect(main.links!.speaker).not.toBe(status.links!.speaker);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await remote.getByTestId('remote-url-speaker').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`breakout-console-remote-${size.width}x${size.height}.png`) });
  }
  // In Chinese too (the panel closed first: it covers the language switch).
  await page.setViewportSize(SIZES[0]!);
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-zh').first().click();
  await page.getByTestId('network-open').click();
  await expect(remote.getByTestId('remote-room')).toContainText('会场“分会场”');
});
