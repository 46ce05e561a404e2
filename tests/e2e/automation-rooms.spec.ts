import type { AutomationsAnswer } from '../../shared/contract/automation';
import { startHookServer } from '../helpers/hook-server';
import { setUpFixtureRooms } from '../helpers/rooms';
import { expect, test } from './fixtures';

/**
 * Automation rules in rooms (docs/automation.md "Rooms") in Chromium: with rooms, the rule editor
 * has a room select (names in the UI language) and the list shows each rule's room; a rule made
 * for breakout A with the mouse fires on breakout A's start; one made with the keyboard follows
 * breakout B; a removed room is shown as such. With one room the dialog is as before rooms.
 */
const shots = (name: string) => `test-results/screenshots/${name}`;

test('with rooms: a rule for a breakout made with the mouse and one with the keyboard, listed with their rooms, in each language', async ({ server, openView }) => {
  await setUpFixtureRooms(server);
  const hooks = await startHookServer();
  try {
    const moderator = await openView('moderator', { viewport: { width: 1920, height: 1080 } });
    await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await moderator.getByTestId('automation-open').click();
    const dialog = moderator.getByTestId('automation-dialog');

    // The mouse: breakout A's item start calls the hook.
    await dialog.getByTestId('automation-add').click();
    const form = dialog.getByTestId('automation-form');
    const room = form.getByTestId('rule-room');
    await expect(room).toHaveValue('main');
    await expect(room.locator('option')).toHaveText(['Main room', 'Breakout A', 'Breakout B']);
    await form.getByTestId('rule-id').click();
    await form.getByTestId('rule-id').fill('a-cue');
    await room.selectOption({ label: 'Breakout A' });
    await form.getByTestId('rule-when').selectOption('item.started');
    await form.getByTestId('rule-method').selectOption('GET');
    await form.getByTestId('rule-url').fill(`${hooks.url}/a?item={{item.id}}`);
    await moderator.screenshot({ path: shots('automation-rooms-editor-1920.png') });
    await form.getByTestId('rule-save').click();
    const rowA = dialog.locator('[data-testid="automation-rule"][data-rule-id="a-cue"]');
    await expect(rowA.getByTestId('automation-rule-room')).toHaveText('Breakout A');

    // The keyboard: the id is focused, Tab reaches the room, the arrows choose breakout B, Enter saves.
    await dialog.getByTestId('automation-add').press('Enter');
    await expect(form.getByTestId('rule-id')).toBeFocused();
    await moderator.keyboard.press('Control+A');
    await moderator.keyboard.type('b-lower-third');
    await moderator.keyboard.press('Tab');
    await expect(room).toBeFocused();
    await moderator.keyboard.press('ArrowDown');
    await moderator.keyboard.press('ArrowDown');
    await expect(room).toHaveValue('breakout-b');
    await moderator.keyboard.press('Shift+Tab');
    await moderator.keyboard.press('Enter');
    const rowB = dialog.locator('[data-testid="automation-rule"][data-rule-id="b-lower-third"]');
    await expect(rowB.getByTestId('automation-rule-room')).toHaveText('Breakout B');
    await expect(dialog.getByTestId('automation-add')).toBeFocused();

    // What the server keeps: each rule with its room.
    const saved = (await (await fetch(`${server.url}/api/v1/automations`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as AutomationsAnswer;
    expect(saved.rules.map((r) => [r.id, r.room])).toEqual([
      ['a-cue', 'breakout-a'],
      ['b-lower-third', 'breakout-b'],
    ]);
    // The rule made with the mouse fires on breakout A's start.
    const started = await fetch(`${server.url}/api/v1/rooms/breakout-a/commands`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'start' }) });
    expect(started.status).toBe(200);
    expect((await hooks.nth('/a', 1)).url).toMatch(/^\/a\?item=ba-/);

    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
      [390, 844],
    ] as const) {
      await moderator.setViewportSize({ width, height });
      await expect(rowB).toBeVisible();
      await moderator.screenshot({ path: shots(`automation-rooms-${width}x${height}.png`) });
    }
    await rowA.getByTestId('automation-rule-edit').click();
    await expect(room).toHaveValue('breakout-a');
    await moderator.screenshot({ path: shots('automation-rooms-editor-390x844.png') });
    await moderator.setViewportSize({ width: 1366, height: 768 });
    await moderator.screenshot({ path: shots('automation-rooms-editor-1366x768.png') });

    // In Chinese: the rooms' Chinese names.
    await moderator.keyboard.press('Escape');
    await moderator.getByTestId('lang-zh').click();
    await moderator.getByTestId('automation-open').click();
    await expect(rowA.getByTestId('automation-rule-room')).toHaveText('分会场 A');
    await dialog.getByTestId('automation-add').click();
    await expect(room.locator('option')).toHaveText(['主会场', '分会场 A', '分会场 B']);
    await moderator.screenshot({ path: shots('automation-rooms-zh-1366x768.png') });
    await dialog.getByTestId('rule-cancel').click();

    // Breakout B removed: its rule is kept, shown as such.
    await moderator.keyboard.press('Escape');
    const removed = await fetch(`${server.url}/api/v1/rooms/breakout-b/room/remove?confirm=running`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' }, body: '{}' });
    expect(removed.status).toBe(200);
    await moderator.getByTestId('lang-en').click();
    await moderator.getByTestId('automation-open').click();
    await expect(rowB.getByTestId('automation-rule-room')).toHaveText('breakout-b (room removed: never fires)');
    await expect(rowB.getByTestId('automation-rule-room')).toHaveAttribute('data-removed', 'true');
    await expect(rowA.getByTestId('automation-rule-room')).toHaveAttribute('data-removed', 'false');
    await moderator.screenshot({ path: shots('automation-rooms-removed-1366x768.png') });
  } finally {
    await hooks.close();
  }
});

test('with one room the dialog shows no rooms, as before', async ({ openView }) => {
  const moderator = await openView('moderator', { viewport: { width: 1366, height: 768 } });
  await moderator.getByTestId('automation-open').click();
  const dialog = moderator.getByTestId('automation-dialog');
  await dialog.getByTestId('automation-add').click();
  const form = dialog.getByTestId('automation-form');
  await form.getByTestId('rule-id').fill('plain');
  await form.getByTestId('rule-save').click();
  await expect(dialog.locator('[data-testid="automation-rule"][data-rule-id="plain"]')).toBeVisible();
  await expect(dialog.getByTestId('automation-rule-room')).toHaveCount(0);
  await dialog.getByTestId('automation-add').click();
  await expect(form.getByTestId('rule-when')).toBeVisible();
  await expect(form.getByTestId('rule-room')).toHaveCount(0);
  await moderator.screenshot({ path: shots('automation-one-room-1366x768.png') });
});
