import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

test('a slow-down request from the booth reaches the console, and the booth sees it acknowledged', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const booth = await openView('booth');
  const moderator = await openView('moderator');
  const slowDown = booth.getByTestId('request-slow-down');
  await expect(slowDown).toHaveAttribute('data-state', 'none');
  await expect(slowDown.locator('kbd')).toHaveText('S');

  await slowDown.click();
  await expect(slowDown).toHaveAttribute('data-state', 'open');
  await expect(booth.getByTestId('request-status-slow-down')).toHaveText(/^Sent \d\d:\d\d — waiting$/);
  const row = moderator.locator('[data-testid="booth-request"][data-kind="slow-down"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Booth A');

  // Asked again with its key: still one open request, asked twice.
  await booth.keyboard.press('s');
  await expect(booth.getByTestId('request-status-slow-down')).toHaveText(/— waiting · ×2$/);
  const open = (await control.state()).booth.requests;
  expect(open).toEqual([expect.objectContaining({ booth: 'Booth A', kind: 'slow-down', count: 2, acknowledgedAt: null })]);
  await expect(row).toHaveCount(1);

  // The moderator acknowledges (control token, over the API); the booth sees when.
  expect((await control.command({ type: 'booth.ack', requestId: open[0]!.id })).status).toBe(200);
  await expect(slowDown).toHaveAttribute('data-state', 'acknowledged');
  await expect(booth.getByTestId('request-status-slow-down')).toHaveText(/^Acknowledged \d\d:\d\d$/);
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
});

test('keys are off while typing a free-text request; Enter sends it; the booth token may not run the clock', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const booth = await openView('booth');

  // M goes to the field; the letters typed there (s, a, t…) are not shortcuts.
  await booth.keyboard.press('m');
  await expect(booth.getByTestId('request-text-input')).toBeFocused();
  await booth.keyboard.type("Dr LEE's slides are not on screen");
  await booth.keyboard.press('Enter');
  const item = booth.getByTestId('request-text-item');
  await expect(item).toHaveAttribute('data-state', 'open');
  await expect(item).toContainText("Dr LEE's slides are not on screen");
  await expect(booth.getByTestId('request-text-input')).toHaveValue('');
  const requests = (await control.state()).booth.requests;
  expect(requests.map((r) => [r.booth, r.kind, r.text])).toEqual([['Booth A', 'text', "Dr LEE's slides are not on screen"]]);
  for (const kind of ['slow-down', 'no-audio', 'need-text']) {
    await expect(booth.getByTestId(`request-${kind}`)).toHaveAttribute('data-state', 'none');
  }

  // Out of the field, the keys work again.
  await booth.keyboard.press('Escape');
  await booth.keyboard.press('t');
  await expect(booth.getByTestId('request-need-text')).toHaveAttribute('data-state', 'open');

  // A message from the moderator.
  expect((await control.command({ type: 'message.booth', text: 'Dr LEE will speak from his slides.' })).status).toBe(200);
  await expect(booth.getByTestId('booth-message')).toHaveText('Dr LEE will speak from his slides.');

  // The booth's token is refused for anything but its own commands.
  const boothApi = apiClient(server.url, server.tokens.booth);
  const refused = await boothApi.command({ type: 'start', expectedItemId: 'open-local-gov' });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'forbidden' });
  expect((await control.state()).clock.status).toBe('idle');
});
