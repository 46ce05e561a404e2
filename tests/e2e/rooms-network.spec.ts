import { lanAddresses } from '../../electron/server/lan-listeners';
import type { RoomTokens } from '../../shared/contract/rooms';
import { setUpFixtureRooms } from '../helpers/rooms';
import { expect, expectConsoleStillCommands, test } from './fixtures';

const LAN = lanAddresses()[0];

test.skip(LAN === undefined, 'this machine has no non-loopback IPv4 address: LAN mode has nothing to open');

/**
 * A room's console (#18, docs/rooms.md) opened with the room's own control token: its Network panel
 * shows the room's display links (on `/r/<id>/…`, with the room's tokens) with QR codes and copy
 * buttons, explains that the event's settings are the producer's (no refused request on screen),
 * and renews the room's own keys, with the mouse and with the keyboard.
 */
test.describe("a room's network panel", () => {
  let tokens: Record<string, RoomTokens>;
  test.beforeEach(async ({ server }) => {
    tokens = await setUpFixtureRooms(server);
    // LAN mode is the producer's, switched on main's console; here through the same route.
    const res = await fetch(`${server.url}/api/v1/network/lan`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' }, body: JSON.stringify({ on: true }) });
    expect(res.status).toBe(200);
  });

  test("breakout A's own key: the room's links with QR codes, copied; a new view key with the mouse and with the keyboard", async ({ server, openView, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const a = tokens['breakout-a']!;
    const moderator = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(a.control)}`, viewport: { width: 1920, height: 1080 } });
    await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await expect(moderator.getByTestId('room-name')).toHaveText('Breakout A');
    await moderator.getByTestId('network-open').click();
    const panel = moderator.getByTestId('network-panel');
    await expect(panel).toHaveAttribute('data-lan', 'true');
    await expect(panel.getByTestId('room-links-room')).toContainText('Breakout A');

    const base = `http://${LAN!}:${server.port}/r/breakout-a`;
    await expect(panel.getByTestId('lan-url-speaker').first()).toHaveText(`${base}/speaker?token=${a.view}`);
    await expect(panel.getByTestId('lan-url-booth').first()).toHaveText(`${base}/booth?token=${a.booth}`);
    await expect(panel.getByTestId('lan-url-moderator').first()).toHaveText(`${base}/moderator?token=${a.control}`);
    for (const view of ['moderator', 'speaker', 'booth']) {
      const qr = panel.getByTestId(`lan-qr-${view}`).first();
      await expect(qr).toBeVisible();
      await expect(qr).toHaveAttribute('data-text', new RegExp(`^${base}/${view}\\?token=`));
    }
    for (const page of ['lower-third', 'clock', 'crew']) {
      await expect(panel.getByTestId(`output-link-${page}`).first()).toHaveText(`${base}/${page}?token=${a.view}`);
      await expect(panel.getByTestId(`output-qr-${page}`).first()).toBeVisible();
    }
    // Nothing of main's or breakout B's.
    const text = (await panel.textContent())!;
    for (const other of [server.tokens.control, server.tokens.booth, server.tokens.view, ...Object.values(tokens['breakout-b']!)]) expect(text).not.toContain(other);

    // The event's settings: explained, not refused on screen.
    await expect(panel.getByTestId('room-event-settings')).toBeVisible();
    await expect(panel.getByTestId('lan-toggle')).toHaveCount(0);
    await expect(panel.getByTestId('network-error')).toHaveCount(0);
    await expect(panel.getByTestId('osc-error')).toHaveCount(0);
    await expect(panel.getByTestId('remote-event-settings')).toBeVisible();
    await expect(panel.getByTestId('room-tokens-hint')).toContainText('Breakout A');
    await moderator.screenshot({ path: 'test-results/screenshots/room-network-1920.png', fullPage: true });

    await panel.getByTestId('lan-copy-speaker').first().click();
    await expect(panel.getByTestId('lan-copy-speaker').first()).toHaveAttribute('data-state', 'copied');
    expect(await moderator.evaluate(() => navigator.clipboard.readText())).toBe(`${base}/speaker?token=${a.view}`);

    // A new view key with the mouse: the room's speaker monitor is dropped; the panel shows the new link.
    const speaker = await openView('speaker', { path: `/r/breakout-a/speaker?token=${encodeURIComponent(a.view)}` });
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await panel.getByTestId('token-rotate-view').click();
    const confirm = moderator.getByTestId('confirm-dialog');
    await expect(confirm).toContainText('Breakout A');
    await confirm.getByTestId('btn-confirm').click();
    await expect(speaker.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
    await expect(panel.getByTestId('token-rotate-note')).toContainText('1 display disconnected');
    await expect(panel.getByTestId('lan-url-speaker').first()).not.toHaveText(`${base}/speaker?token=${a.view}`);
    const fresh = new URL((await panel.getByTestId('lan-url-speaker').first().textContent())!).searchParams.get('token')!;
    await panel.getByTestId('token-rotate-note').scrollIntoViewIfNeeded();
    await moderator.screenshot({ path: 'test-results/screenshots/room-network-1920-keys.png' });
    await expect(panel.getByTestId('output-link-clock').first()).toHaveText(`${base}/clock?token=${fresh}`);
    // The new link opens breakout A's monitor.
    const again = await openView('speaker', { path: `/r/breakout-a/speaker?token=${encodeURIComponent(fresh)}` });
    await expect(again.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await again.close();

    // And with the keyboard: Enter on the button; the dialog starts on Cancel (a key is not renewed by
    // accident), so Enter there keeps the key; Tab to the confirm button and Enter renews it.
    await panel.getByTestId('token-rotate-view').focus();
    await moderator.keyboard.press('Enter');
    await expect(confirm.getByTestId('btn-cancel')).toBeFocused();
    await moderator.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(panel.getByTestId('lan-url-speaker').first()).toHaveText(`${base}/speaker?token=${fresh}`);
    await expect(panel.getByTestId('token-rotate-view')).toBeFocused();
    await moderator.keyboard.press('Enter');
    await expect(confirm.getByTestId('btn-cancel')).toBeFocused();
    await moderator.keyboard.press('Tab');
    await expect(confirm.getByTestId('btn-confirm')).toBeFocused();
    await moderator.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(panel.getByTestId('lan-url-speaker').first()).not.toHaveText(`${base}/speaker?token=${fresh}`);

    // Its own key: this console keeps working on the new one.
    await panel.getByTestId('token-rotate-control').click();
    await confirm.getByTestId('btn-confirm').click();
    await expect(panel.getByTestId('lan-url-moderator').first()).not.toHaveText(`${base}/moderator?token=${a.control}`);
    // Its own socket was dropped and came back on the new key: no other display counted.
    await expect(panel.getByTestId('token-rotate-note')).toContainText('0 displays disconnected');
    await expectConsoleStillCommands(moderator, panel);
  });

  test.describe('the producer', () => {
    // The room's console whose key the producer renews is refused (401) when it reconnects, as it should be.
    test.use({ allowConsoleErrors: /status of 401/ });
    test('the panel at 1366×768 and 390×844, in Chinese; the producer in a room sees the LAN switch and renews the room\'s key', async ({ server, openView }) => {
      const a = tokens['breakout-a']!;
      const small = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(a.control)}`, viewport: { width: 1366, height: 768 } });
      await small.getByTestId('network-open').click();
      await expect(small.getByTestId('lan-qr-speaker').first()).toBeVisible();
      await small.screenshot({ path: 'test-results/screenshots/room-network-1366.png' });
      await small.close();

      const phone = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(a.control)}`, viewport: { width: 390, height: 844 } });
      await phone.getByTestId('lang-zh').click();
      await phone.getByTestId('network-open').click();
      await expect(phone.getByTestId('room-links-room')).toContainText('分会场 A');
      await expect(phone.getByTestId('room-event-settings')).toBeVisible();
      await phone.screenshot({ path: 'test-results/screenshots/room-network-390.png' });
      await phone.getByTestId('room-tokens-hint').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: 'test-results/screenshots/room-network-390-keys.png' });
      await phone.close();

      const producer = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(server.tokens.control)}`, viewport: { width: 1366, height: 768 } });
      await producer.getByTestId('lang-en').click();
      await producer.getByTestId('network-open').click();
      const panel = producer.getByTestId('network-panel');
      await expect(panel.getByTestId('lan-toggle')).toBeChecked();
      await expect(panel.getByTestId('room-event-settings')).toHaveCount(0);
      await expect(panel.getByTestId('lan-url-speaker').first()).toHaveText(`http://${LAN!}:${server.port}/r/breakout-a/speaker?token=${a.view}`);

      // The producer renews the room's moderator key: the room's console on it is dropped; the
      // producer's console keeps its own (the producer's) token and stays on.
      const chair = await openView('moderator', { path: `/r/breakout-a/moderator?token=${encodeURIComponent(a.control)}` });
      await expect(chair.getByTestId('connection')).toHaveAttribute('data-link', 'online');
      await panel.getByTestId('token-rotate-control').click();
      await producer.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
      await expect(panel.getByTestId('token-rotate-note')).toContainText('1 display disconnected');
      await expect(chair.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
      await expect(panel.getByTestId('lan-url-moderator').first()).not.toHaveText(new RegExp(`token=${a.control}$`));
      await expect(producer.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    });
  });
});
