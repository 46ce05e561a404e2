import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** Issue #13, point 11: wording and small things found in a rehearsal. */

test('the current item has "Plenty of time" on every view, and "On time" is left to the schedule', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const booth = await openView('booth');
  const item = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId: item });
  for (const page of [moderator, booth]) {
    await expect(page.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId('phase-label')).toHaveText('Plenty of time');
  }
  // The clock panel says nothing of "On time", which now means the schedule only.
  await expect(moderator.locator('.moderator__now')).not.toContainText('On time');
});

test('before the first Start an early plan is "Planned to end … early", and once started "Running … early"', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  // The last item of the event skipped: the plan ends early before anything has run.
  expect((await api.command({ type: 'skip', itemId: 'close-chen', skipped: true })).status).toBe(200);
  const moderator = await openView('moderator');
  const drift = moderator.getByTestId('drift');
  await expect(drift).toHaveAttribute('data-state', 'early');
  await expect(drift).toContainText(/^Planned to end \d+ min early/);
  await expect(drift).not.toContainText('Running');
  await moderator.getByTestId('btn-start').click();
  await expect(drift).toContainText(/^Running \d+ min early/);
});

test('with LAN mode off the network dialog shows the links on this computer, each with a copy button', async ({ server, openView, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const moderator = await openView('moderator');
  await moderator.getByTestId('network-open').click();
  const panel = moderator.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-lan', 'false');
  const base = `http://127.0.0.1:${server.port}`;
  const tokens = { moderator: server.tokens.control, speaker: server.tokens.view, booth: server.tokens.booth };
  for (const [view, token] of Object.entries(tokens)) {
    await expect(panel.getByTestId(`local-url-${view}`)).toHaveText(`${base}/${view}?token=${encodeURIComponent(token)}`);
  }
  const copy = panel.getByTestId('local-copy-speaker');
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await moderator.evaluate(() => navigator.clipboard.readText())).toBe(`${base}/speaker?token=${encodeURIComponent(server.tokens.view)}`);
});

test('the speaker monitor says "Connected", not "Online"', async ({ server, openView }) => {
  // An English speaker at the lectern: the monitor speaks English.
  expect((await apiClient(server.url, server.tokens.control).command({ type: 'goto', itemId: 'open-lee' })).status).toBe(200);
  const speaker = await openView('speaker');
  await expect(speaker.locator('html')).toHaveAttribute('lang', 'en');
  await expect(speaker.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(speaker.getByTestId('connection')).toHaveText('Connected');
});

test('the console says what each speaker monitor really shows: a ?bare=1 one never shows the message', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  const full = await openView('speaker');
  const bare = await openView('speaker');
  await bare.goto(`${server.url}/speaker?token=${encodeURIComponent(server.tokens.view)}&bare=1`);
  await expect(full.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(bare.locator('.speaker')).toHaveAttribute('data-bare', 'true');
  const rows = moderator.locator('[data-testid="display-row"][data-view="speaker"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Timer only, never messages' })).toHaveCount(1);
  await expect(rows.filter({ hasText: /^(?!.*Timer only).*Clock$/ })).toHaveCount(1);

  expect((await api.command({ type: 'message.speaker', text: 'Please wrap up' })).status).toBe(200);
  await expect(full.getByTestId('speaker-message')).toBeVisible();
  await expect(rows.locator('[data-shows="message"]')).toHaveCount(0);
  await expect(moderator.locator('[data-testid="display-row"][data-shows="message"]')).toHaveText(/Clock and message/);
  await expect(moderator.locator('[data-testid="display-row"][data-shows="bare"]')).toHaveText(/Timer only, never messages/);
  await expect(bare.getByTestId('speaker-message')).toHaveCount(0);
});

test('the edit dialog refuses an empty speaker name and says what is wrong with a duration of 0', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator');
  await moderator.locator('[data-testid="rundown-item"][data-item-id="open-cao"]').getByTestId('btn-edit-item').click();
  const dialog = moderator.getByTestId('edit-dialog');
  const problem = dialog.getByTestId('edit-problem');

  await dialog.getByTestId('edit-name').fill('   ');
  await dialog.getByTestId('btn-edit-save').click();
  await expect(problem).toHaveText(/The speaker needs a name/);
  await expect(dialog.getByTestId('edit-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  expect((await api.state()).agenda.sessions[0]!.items[1]!.speaker.name).toBe('CAO Xuejun');

  await dialog.getByTestId('edit-name').fill('CAO Xuejun');
  await dialog.getByTestId('edit-duration').fill('0');
  await dialog.getByTestId('btn-edit-save').click();
  await expect(problem).toHaveText('A duration must be at least 1 second. Leave the field empty for no set duration (the clock counts up).');
  await expect(problem).not.toContainText('Not a duration');
  await expect(dialog.getByTestId('edit-duration')).toHaveAttribute('aria-invalid', 'true');
  expect((await api.state()).agenda.sessions[0]!.items[1]!.durationSec).toBe(420);

  await dialog.getByTestId('edit-duration').fill('6:30');
  await dialog.getByTestId('btn-edit-save').click();
  await expect(dialog).toBeHidden();
  expect((await api.state()).agenda.sessions[0]!.items[1]!.durationSec).toBe(390);
});

test('renaming a booth keeps its running handover timer', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const booth = await openView('booth');
  const timer = booth.getByTestId('handover-remaining');
  await booth.getByTestId('handover-start').click();
  await expect(timer).toHaveAttribute('data-state', 'running');
  const dueAt = await timer.getAttribute('data-due-at');
  expect(Number(dueAt)).toBeGreaterThan(0);

  await booth.getByTestId('booth-identity').click();
  await booth.getByTestId('booth-name-input').fill('English booth');
  await booth.getByTestId('booth-settings-save').click();
  await expect(booth.getByTestId('booth-name')).toHaveText('English booth');
  await expect(timer).toHaveAttribute('data-state', 'running');
  await expect(timer).toHaveAttribute('data-due-at', dueAt!);
  expect((await api.state()).booth.turns['English booth']?.startedAt).toBe(Number(dueAt) - 30 * 60_000);
});
