import type { RelayStatus } from '../../shared/contract/relay';
import type { Snapshot } from '../../shared/contract/state';
import { until, type StartedRelay } from '../helpers/relay-process';
import { addRoom, fixtureAgenda } from '../helpers/rooms';
import type { StartedServer } from '../helpers/server-process';
import { expect, test } from './relay-support';

/** Rooms through the relay (docs/rooms.md): a breakout's own remote links, opened in Chromium. */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

const bearer = (venue: StartedServer) => ({ authorization: `Bearer ${venue.tokens.control}` });
const command = async (venue: StartedServer, path: string, body: object) => {
  const res = await fetch(`${venue.url}${path}`, { method: 'POST', headers: { ...bearer(venue), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
};
const breakoutCommand = (venue: StartedServer, body: object) => command(venue, '/api/v1/rooms/breakout/commands', body);
const mainCommand = (venue: StartedServer, body: object) => command(venue, '/api/v1/commands', body);

/** The venue's room "breakout", with the breakout-a sample's agenda, linked and held by the relay. */
async function linkedBreakout(venue: StartedServer, relay: StartedRelay): Promise<RelayStatus> {
  expect((await addRoom(venue, { id: 'breakout', name: { en: 'Breakout', zh: '分会场' } })).status).toBe(200);
  const res = await fetch(`${venue.url}/api/v1/rooms/breakout/agenda/import?format=json&apply=true`, { method: 'POST', headers: { ...bearer(venue), 'content-type': 'application/octet-stream' }, body: fixtureAgenda('breakout-a') });
  expect(res.status, await res.clone().text()).toBe(200);
  return until('the breakout to link', async () => {
    const s = (await (await fetch(`${venue.url}/api/v1/rooms/breakout/relay`, { headers: bearer(venue) })).json()) as RelayStatus;
    const held = ((await fetch(`${relay.url}/api/v1/health`).then((r) => r.json())) as { venues: Record<string, string> }).venues['breakout'] === 'linked';
    return s.state === 'connected' && s.links !== null && held ? s : undefined;
  });
}

test("the breakout's personal speaker link through the relay follows the breakout's start and message, not main's", async ({ page, relay, venue, openRemote }) => {
  test.slow();
  const status = await linkedBreakout(venue, relay);
  const state = (await (await fetch(`${venue.url}/api/v1/rooms/breakout/state`, { headers: bearer(venue) })).json()) as Snapshot;
  const first = state.agenda.sessions.flatMap((s) => s.items)[0]!;
  const personal = status.speakerLinks.find((l) => l.itemId === first.id)!;
  // The link keeps today's shape: the relay's /speaker, the item, the breakout's own remote speaker token.
  expect(personal.url.startsWith(`${relay.url}/speaker?`)).toBe(true);

  await openRemote(page, personal.url);
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'venue-linked');
  await expect(page.getByTestId('current-speaker')).toContainText(first.speaker.name);

  // Main's message never shows here.
  await mainCommand(venue, { type: 'message.speaker', text: 'Plenary: two minutes' });
  await breakoutCommand(venue, { type: 'start', expectedItemId: first.id });
  await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('clock-remaining')).toBeVisible();
  await breakoutCommand(venue, { type: 'message.speaker', text: 'Breakout: please wrap up' });
  await expect(page.getByTestId('speaker-message')).toContainText('Breakout: please wrap up');
  await expect(page.getByText('Plenary: two minutes')).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`breakout-personal-${size.width}x${size.height}.png`) });
  }
});

test("a room's console shows that room's remote links and QR codes in the Network panel", async ({ page, relay, venue, openRemote }) => {
  const status = await linkedBreakout(venue, relay);
  await openRemote(page, `${venue.url}/r/breakout/moderator?token=${encodeURIComponent(venue.tokens.control)}`);
  await page.getByTestId('lang-en').first().click();
  await page.getByTestId('network-open').click();
  const remote = page.getByTestId('network-panel').getByTestId('remote-links');
  await expect(remote.getByTestId('relay-state')).toContainText('Relay link: connected');
  await expect(remote.getByTestId('remote-url-speaker')).toHaveText(status.links!.speaker);
  await expect(remote.getByTestId('remote-qr-speaker')).toHaveAttribute('data-text', status.links!.speaker);
  await expect(remote.getByTestId('remote-url-booth')).toHaveText(status.links!.booth);
  await expect(remote.getByTestId('remote-room')).toContainText('room "Breakout"');
  const main = (await (await fetch(`${venue.url}/api/v1/relay`, { headers: bearer(venue) })).json()) as RelayStatus;
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
