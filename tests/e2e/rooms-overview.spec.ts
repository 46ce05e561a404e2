import type { Page } from '@playwright/test';
import type { RoomTokens } from '../../shared/contract/rooms';
import { setUpFixtureRooms } from '../helpers/rooms';
import { startServer } from '../helpers/server-process';
import { expect, test } from './fixtures';

/**
 * Rooms (#18) in Chromium: three rooms of the multi-room sample run at once; each speaker monitor
 * (`/r/<id>/speaker`) follows only its own room; the producer's overview shows all three and
 * messages one; a room moderator's token is refused in another room.
 */
const ROOMS = ['main', 'breakout-a', 'breakout-b'] as const;
const speakerPath = (room: string, token: string) => `${room === 'main' ? '' : `/r/${room}`}/speaker?token=${encodeURIComponent(token)}`;

test.describe('rooms and the overview', () => {
  let tokens: Record<string, RoomTokens>;
  test.beforeEach(async ({ server }) => {
    tokens = await setUpFixtureRooms(server);
  });

  test('three rooms at once: each monitor follows its room; the overview shows all three and messages one', async ({ server, openView }) => {
    const monitors: Record<string, Page> = {};
    for (const room of ROOMS) monitors[room] = await openView('speaker', { path: speakerPath(room, tokens[room]!.view) });
    await expect(monitors['main']!.getByTestId('current-speaker')).toContainText('Claire Dubois');
    await expect(monitors['breakout-a']!.getByTestId('current-speaker')).toContainText('Marc Lefèvre');
    await expect(monitors['breakout-b']!.getByTestId('current-speaker')).toContainText('王芳');

    const overview = await openView('moderator', { path: `/overview?token=${encodeURIComponent(server.tokens.control)}`, viewport: { width: 1920, height: 1080 } });
    const tiles = overview.getByTestId('overview-room');
    await expect(tiles).toHaveCount(3);
    await expect(tiles.nth(0)).toHaveAttribute('data-room-id', 'main');
    const tile = (room: string) => overview.locator(`[data-testid="overview-room"][data-room-id="${room}"]`);
    await expect(tile('breakout-a').getByTestId('overview-now')).toContainText('Introduction');
    await expect(tile('breakout-a').getByTestId('overview-next')).toContainText('Chemical recycling of polyester');
    await expect(tile('breakout-b').getByTestId('overview-link')).toHaveAttribute('data-link', 'online');
    await expect(tile('main').getByTestId('overview-remaining')).toHaveText('10:00');
    // The monitors are displays of their rooms: the overview counts them, per room.
    await expect(tile('breakout-b').getByTestId('overview-displays')).toHaveAttribute('data-count', '1');

    // Start breakout B from the overview (with its expectedItemId guard): only its monitor runs.
    await tile('breakout-b').getByTestId('overview-toggle').click();
    await expect(monitors['breakout-b']!.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
    await expect(tile('breakout-b')).toHaveAttribute('data-status', 'running');
    await tile('breakout-b').getByTestId('overview-plus-minute').click();
    await expect(tile('breakout-b').getByTestId('overview-remaining')).toHaveText(/^5:[45]\d$/);

    // Message breakout A's speaker from the overview: only that monitor shows it.
    await tile('breakout-a').getByTestId('overview-message-input').fill('Please speak more slowly for the interpreters');
    await tile('breakout-a').getByTestId('overview-message-send').click();
    await expect(monitors['breakout-a']!.getByTestId('speaker-message')).toContainText('Please speak more slowly');
    await expect(tile('breakout-a').getByTestId('overview-feedback')).toHaveText('Sent');

    // Ordering instead of waiting: a message to main arrives after the ones above, and nothing else did.
    await tile('main').getByTestId('overview-message-input').fill('Main only');
    await tile('main').getByTestId('overview-message-send').click();
    await expect(monitors['main']!.getByTestId('speaker-message')).toContainText('Main only');
    await expect(monitors['main']!.getByTestId('view-root')).toHaveAttribute('data-status', 'idle');
    await expect(monitors['breakout-b']!.getByTestId('speaker-message')).toHaveCount(0);
    await expect(monitors['breakout-a']!.getByTestId('view-root')).toHaveAttribute('data-status', 'idle');

    // Bilingual.
    await overview.getByTestId('lang-zh').click();
    await expect(overview.getByRole('heading', { level: 1 })).toHaveText('所有会场');
    await expect(tile('breakout-a').getByRole('heading', { level: 2 })).toHaveText('分会场 A');
  });

  test("a room moderator's token is refused in another room", async ({ openView }) => {
    const own = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(tokens['breakout-a']!.control)}` });
    await expect(own.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    const other = await openView('moderator', { path: `/r/breakout-b/moderator?token=${encodeURIComponent(tokens['breakout-a']!.control)}` });
    await expect(other.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
    const main = await openView('moderator', { path: `/moderator?token=${encodeURIComponent(tokens['breakout-a']!.control)}` });
    await expect(main.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
  });

  test.describe('editing rooms', () => {
    // The refused add answers 400, which Chromium logs.
    test.use({ allowConsoleErrors: /status of 400/ });
    test('the producer adds, renames and removes a room from the overview; removing a running room asks first', async ({ server, openView }) => {
      const overview = await openView('moderator', { path: `/overview?token=${encodeURIComponent(server.tokens.control)}`, viewport: { width: 1366, height: 768 } });
      const tile = (room: string) => overview.locator(`[data-testid="overview-room"][data-room-id="${room}"]`);
      await expect(overview.getByTestId('overview-room')).toHaveCount(3);
      await overview.getByTestId('overview-add-id').fill('Salle C');
      await overview.getByTestId('overview-add-name-en').fill('Breakout C');
      await overview.getByTestId('overview-add-name-zh').fill('分会场 C');
      await overview.getByTestId('overview-add-submit').click();
      await expect(overview.getByTestId('overview-add-feedback')).toContainText('id: "Salle C" must be');
      await overview.getByTestId('overview-add-id').fill('breakout-c');
      await overview.getByTestId('overview-add-submit').click();
      await expect(overview.getByTestId('overview-room')).toHaveCount(4);
      await expect(tile('breakout-c').getByTestId('overview-link')).toHaveAttribute('data-link', 'online');
      await expect(tile('breakout-c').getByTestId('overview-now')).toHaveText('No item');

      await tile('breakout-a').getByTestId('overview-rename').click();
      await tile('breakout-a').getByTestId('overview-rename-en').fill('Recycling room');
      await tile('breakout-a').getByTestId('overview-rename-save').click();
      await expect(tile('breakout-a').getByRole('heading', { level: 2 })).toHaveText('Recycling room');
      await expect(tile('main').getByTestId('overview-remove')).toHaveCount(0);

      // Breakout B runs: removing it asks, says the clock runs, and "keep it" keeps it.
      await tile('breakout-b').getByTestId('overview-toggle').click();
      await expect(tile('breakout-b')).toHaveAttribute('data-status', 'running');
      await tile('breakout-b').getByTestId('overview-remove').click();
      await expect(tile('breakout-b').getByTestId('overview-remove-confirm')).toContainText('Its clock: Running. Removing the room stops it.');
      await tile('breakout-b').getByTestId('overview-remove-no').click();
      await expect(overview.getByTestId('overview-room')).toHaveCount(4);
      await tile('breakout-b').getByTestId('overview-remove').click();
      await tile('breakout-b').getByTestId('overview-remove-yes').click();
      await expect(overview.getByTestId('overview-room')).toHaveCount(3);
      await expect(tile('breakout-b')).toHaveCount(0);
      const listed = (await (await fetch(`${server.url}/api/v1/rooms`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as { rooms: { id: string }[] };
      expect(listed.rooms.map((r) => r.id)).toEqual(['main', 'breakout-a', 'breakout-c']);
    });
  });

  test.describe('a room on another machine', () => {
    // The page talks to its own server only (CSP): the link to the other one is this server's.
    test('appears on the overview, is messaged through this server, and reports "link lost" when its server is killed', async ({ server, openView }) => {
      const other = await startServer();
      try {
        const overview = await openView('moderator', { path: `/overview?token=${encodeURIComponent(server.tokens.control)}`, viewport: { width: 1920, height: 1080 } });
        await expect(overview.getByTestId('overview-room')).toHaveCount(3);
        await overview.getByTestId('overview-link-url').fill(other.url);
        await overview.getByTestId('overview-link-token').fill(other.tokens.control);
        await overview.getByTestId('overview-link-name-en').fill('Annex hall');
        await overview.getByTestId('overview-link-name-zh').fill('副楼会议厅');
        await overview.getByTestId('overview-link-submit').click();
        const annex = overview.locator('[data-testid="overview-room"][data-room-id="linked-1"]');
        await expect(annex.getByTestId('overview-link')).toHaveAttribute('data-link', 'linked');
        await expect(annex.getByTestId('overview-now')).toContainText('Welcoming remarks');
        await expect(annex.getByTestId('overview-linked-url')).toContainText(other.url);
        await annex.getByTestId('overview-message-input').fill('Coffee is ready');
        await annex.getByTestId('overview-message-send').click();
        await expect(annex.getByTestId('overview-feedback')).toHaveText('Sent');
        const otherState = (await (await fetch(`${other.url}/api/v1/state`)).json()) as { messages: { speaker: { text: string } | null } };
        expect(otherState.messages.speaker?.text).toBe('Coffee is ready');

        await other.kill();
        await expect(annex.getByTestId('overview-link')).toHaveText('Link lost');
        await expect(annex.getByTestId('overview-toggle')).toBeDisabled();
        // Only that tile: this server's rooms stay connected.
        for (const room of ROOMS) await expect(overview.locator(`[data-testid="overview-room"][data-room-id="${room}"]`).getByTestId('overview-link')).toHaveAttribute('data-link', 'online');
      } finally {
        await other.stop();
      }
    });
  });
});
