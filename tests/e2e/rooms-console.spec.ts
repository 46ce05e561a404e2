import type { RoomTokens } from '../../shared/contract/rooms';
import { setUpFixtureRooms } from '../helpers/rooms';
import { expect, test } from './fixtures';

/**
 * Rooms (#18) in Chromium: a room's console and booth say which room they are (top bar and window
 * title, in the display's language), and the producer moves a speaker's item to another room from
 * the overview, the target room's console showing it with its notes.
 */
test.describe("a room's console", () => {
  let tokens: Record<string, RoomTokens>;
  test.beforeEach(async ({ server }) => {
    tokens = await setUpFixtureRooms(server);
  });

  test('the console and the booth of a room name it, in the top bar and the window title, in each language', async ({ openView }) => {
    const console = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(tokens['breakout-a']!.control)}`, viewport: { width: 1920, height: 1080 } });
    await expect(console.getByTestId('room-name')).toHaveText('Breakout A');
    await expect(console).toHaveTitle('Rostrum — Moderator · Breakout A');
    await console.screenshot({ path: 'test-results/screenshots/room-console-1920.png' });
    await console.getByTestId('lang-zh').click();
    await expect(console.getByTestId('room-name')).toHaveText('分会场 A');
    await expect(console).toHaveTitle(/分会场 A$/);

    const booth = await openView('booth', { path: `/r/breakout-b/booth?token=${encodeURIComponent(tokens['breakout-b']!.booth)}`, viewport: { width: 1366, height: 768 } });
    await expect(booth.getByTestId('room-name')).toHaveText('Breakout B');
    await expect(booth).toHaveTitle(/· Breakout B$/);
    await booth.screenshot({ path: 'test-results/screenshots/room-booth-1366.png' });
    const speaker = await openView('speaker', { path: `/r/breakout-b/speaker?token=${encodeURIComponent(tokens['breakout-b']!.view)}`, viewport: { width: 390, height: 844 } });
    // The display language chosen on the console carries over to the monitor in this browser.
    await expect(speaker).toHaveTitle(/· (Breakout B|分会场 B)$/);

    // Today's paths are main's, as before: no room tag.
    const main = await openView('moderator', { path: `/moderator?token=${encodeURIComponent(tokens['main']!.control)}` });
    await expect(main.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await expect(main.getByTestId('room-name')).toHaveCount(0);
  });

  test.describe('moving', () => {
  // The refused move answers 409, which Chromium logs.
  test.use({ allowConsoleErrors: /status of 409/ });
  test('the producer moves an item to another room from the overview; the current item is refused with the reason', async ({ server, openView }) => {
    const overview = await openView('moderator', { path: `/overview?token=${encodeURIComponent(server.tokens.control)}`, viewport: { width: 1366, height: 768 } });
    const tile = (room: string) => overview.locator(`[data-testid="overview-room"][data-room-id="${room}"]`);
    await expect(tile('breakout-a').getByTestId('overview-link')).toHaveAttribute('data-link', 'online');
    await expect(tile('breakout-b').getByTestId('overview-link')).toHaveAttribute('data-link', 'online');

    // The current item (the clock idle on it, not ended) is refused, saying why.
    await tile('breakout-a').getByTestId('overview-move').click();
    await tile('breakout-a').getByTestId('overview-move-room').selectOption('breakout-b');
    await tile('breakout-a').getByTestId('overview-move-save').click();
    await expect(tile('breakout-a').getByTestId('overview-feedback')).not.toBeEmpty();
    const refusal = await tile('breakout-a').getByTestId('overview-feedback').textContent();

    // The second item, "Chemical recycling of polyester", moves to breakout B.
    const itemOption = tile('breakout-a').getByTestId('overview-move-item').locator('option', { hasText: 'Chemical recycling of polyester' });
    await tile('breakout-a').getByTestId('overview-move-item').selectOption({ value: (await itemOption.getAttribute('value'))! });
    await tile('breakout-a').getByTestId('overview-move-room').selectOption('breakout-b');
    await overview.screenshot({ path: 'test-results/screenshots/room-move-1366.png' });
    await tile('breakout-a').getByTestId('overview-move-save').click();
    await expect(tile('breakout-a').getByTestId('overview-feedback')).toContainText('moved to Breakout B');
    await expect(tile('breakout-a').getByTestId('overview-next')).not.toContainText('Chemical recycling of polyester');
    expect(refusal).toMatch(/current/i);

    const consoleB = await openView('moderator', { path: `/r/breakout-b/moderator?token=${encodeURIComponent(tokens['breakout-b']!.control)}` });
    await expect(consoleB.getByText('Chemical recycling of polyester')).toBeVisible();
  });
});

  test('the producer reorders the rooms from the overview; the order is kept', async ({ server, openView }) => {
    const path = `/overview?token=${encodeURIComponent(server.tokens.control)}`;
    const overview = await openView('moderator', { path, viewport: { width: 390, height: 844 } });
    const ids = () => overview.getByTestId('overview-room').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-room-id')));
    await expect.poll(ids).toEqual(['main', 'breakout-a', 'breakout-b']);
    const tile = (room: string) => overview.locator(`[data-testid="overview-room"][data-room-id="${room}"]`);
    // Main stays first: it has no arrows; the first room after it cannot go earlier.
    await expect(tile('main').getByTestId('overview-earlier')).toHaveCount(0);
    await expect(tile('breakout-a').getByTestId('overview-earlier')).toBeDisabled();
    await tile('breakout-a').getByTestId('overview-later').click();
    await expect.poll(ids).toEqual(['main', 'breakout-b', 'breakout-a']);
    await overview.screenshot({ path: 'test-results/screenshots/room-order-390.png', fullPage: true });
    await overview.reload();
    await expect.poll(ids).toEqual(['main', 'breakout-b', 'breakout-a']);
  });
});
