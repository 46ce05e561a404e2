import { startHookServer } from '../helpers/hook-server';
import { expect, test } from './fixtures';

/**
 * The console's automation dialog (docs/automation.md): a rule added with the keyboard and mouse,
 * "fire now" reaching a real HTTP server in this test, the rule switched off and kept.
 */
// The refused save is a 400 the browser logs; it is what the test asks for.
test.use({ allowConsoleErrors: /status of 400 \(Bad Request\)/ });

test('the moderator adds an HTTP rule, fires it now, and it reaches the target; a bad field is named', async ({ openView }) => {
  const hooks = await startHookServer();
  try {
    const moderator = await openView('moderator');
    await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    for (const [width, height] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      await moderator.setViewportSize({ width, height });
      await expect(moderator.getByTestId('automation-open')).toBeVisible();
      await moderator.screenshot({ path: test.info().outputPath(`console-${width}x${height}.png`) });
    }
    await moderator.setViewportSize({ width: 1366, height: 768 });
    await moderator.getByTestId('automation-open').click();
    const dialog = moderator.getByTestId('automation-dialog');
    await expect(dialog.getByTestId('automation-empty')).toBeVisible();

    await dialog.getByTestId('automation-add').click();
    const form = dialog.getByTestId('automation-form');
    await expect(form.getByTestId('rule-id')).toBeFocused();
    await form.getByTestId('rule-id').fill('rec');
    await form.getByTestId('rule-when').selectOption('item.started');
    await form.getByTestId('rule-type').selectOption('http');
    await form.getByTestId('rule-method').selectOption('POST');
    await form.getByTestId('rule-url').fill(`${hooks.url}/rec?who={{item.speaker}}`);
    await form.getByTestId('rule-body').fill('{"title":"{{item.title}}"}');

    // Fire now, before saving: the request reaches the server in this test.
    await form.getByTestId('rule-fire').click();
    await expect(form.getByTestId('rule-note')).toHaveText('Fired.');
    const fired = await hooks.nth('/rec', 1);
    expect(fired.method).toBe('POST');
    expect(JSON.parse(fired.body)).toHaveProperty('title');

    // A typo in a placeholder is refused at save, naming it; the rule is not kept.
    await form.getByTestId('rule-body').fill('{"who":"{{item.speakr}}"}');
    await form.getByTestId('rule-body').press('Tab');
    await form.getByTestId('rule-save').click();
    await expect(form.getByTestId('rule-error')).toContainText('rules.0.then.body: unknown placeholder {{item.speakr}}');
    await form.getByTestId('rule-body').fill('{"who":"{{item.speaker}}"}');
    await form.getByTestId('rule-save').press('Enter');

    const row = dialog.locator('[data-testid="automation-rule"][data-rule-id="rec"]');
    await expect(row).toHaveAttribute('data-enabled', 'true');
    // Saved with the keyboard, the editor closes and the keyboard goes on from "Add a rule".
    await expect(dialog.getByTestId('automation-add')).toBeFocused();
    await row.getByTestId('automation-rule-enabled').press('Space');
    await expect(row).toHaveAttribute('data-enabled', 'false');

    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
      [390, 844],
    ] as const) {
      await moderator.setViewportSize({ width, height });
      await moderator.screenshot({ path: test.info().outputPath(`automation-${width}x${height}.png`) });
    }
    await row.getByTestId('automation-rule-edit').click();
    await moderator.setViewportSize({ width: 1366, height: 768 });
    await moderator.screenshot({ path: test.info().outputPath('automation-editor-1366x768.png') });
    await moderator.setViewportSize({ width: 390, height: 844 });
    await moderator.screenshot({ path: test.info().outputPath('automation-editor-390x844.png') });

    // In Chinese: the same dialog, the rule kept (switched off).
    await moderator.keyboard.press('Escape');
    await moderator.getByTestId('lang-zh').click();
    await moderator.setViewportSize({ width: 1366, height: 768 });
    await moderator.getByTestId('automation-open').click();
    await expect(dialog.getByRole('heading', { name: '自动化：触发动作' })).toBeVisible();
    await expect(row).toHaveAttribute('data-enabled', 'false');
    await expect(row).toContainText('议程项开始时 → 发送 HTTP 请求');
    await moderator.screenshot({ path: test.info().outputPath('automation-zh-1366x768.png') });
  } finally {
    await hooks.close();
  }
});

test('a lower-third rule: chosen in the editor, "fire now" slides the overlay in, then out, and the list says what it does', async ({ openView }) => {
  const overlay = await openView('lower-third', { viewport: { width: 1920, height: 1080 } });
  const box = overlay.getByTestId('lower-third');
  await expect(box).toHaveAttribute('data-state', 'out');
  const moderator = await openView('moderator');
  await moderator.setViewportSize({ width: 1366, height: 768 });
  await moderator.getByTestId('automation-open').click();
  const dialog = moderator.getByTestId('automation-dialog');
  await dialog.getByTestId('automation-add').click();
  const form = dialog.getByTestId('automation-form');
  await form.getByTestId('rule-id').fill('lt-en');
  await form.getByTestId('rule-language').fill('en');
  await form.getByTestId('rule-type').selectOption('lowerThird');
  await expect(form.getByTestId('rule-lower-third')).toHaveValue('show');
  await moderator.screenshot({ path: test.info().outputPath('automation-lower-third-1366x768.png') });

  await form.getByTestId('rule-fire').click();
  await expect(form.getByTestId('rule-note')).toHaveText('Fired.');
  await expect(box).toHaveAttribute('data-state', 'in');
  await form.getByTestId('rule-lower-third').selectOption('hide');
  await form.getByTestId('rule-fire').click();
  await expect(box).toHaveAttribute('data-state', 'out');

  await form.getByTestId('rule-lower-third').selectOption('show');
  await form.getByTestId('rule-save').click();
  await expect(dialog.locator('[data-testid="automation-rule"][data-rule-id="lt-en"]')).toContainText('an item starts → show the lower third (the current speaker)');
});
