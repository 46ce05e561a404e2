import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';
import { renderedFonts } from './rendered-fonts';

test('the glossary shows both languages, Chinese in the bundled Noto Sans SC, and can be searched', async ({ server, openView }) => {
  const booth = await openView('booth');
  const ilo = booth.locator('[data-testid="glossary-entry"][data-term="ILO"]');
  await expect(ilo.locator('[data-lang="en"]')).toHaveText('International Labour Organization');
  const chinese = ilo.locator('[data-lang="zh"]');
  await expect(chinese).toHaveText('国际劳工组织');
  await expect(chinese).toHaveAttribute('lang', 'zh-CN');

  const cdp = await booth.context().newCDPSession(booth);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const selector = '[data-testid="glossary-entry"][data-term="ILO"] [data-lang="zh"]';
  await expect
    .poll(async () => {
      await booth.evaluate(() => document.fonts.ready);
      return (await renderedFonts(cdp, selector)).map((f) => f.familyName);
    })
    .toEqual(['Noto Sans SC']);
  expect((await renderedFonts(cdp, selector))[0]!.isCustomFont, 'the web font served by the app').toBe(true);
  await cdp.detach();

  // Terms the current speaker uses come first: Ms CAO's organisation and notes name MIIT.
  await expect(booth.locator('[data-testid="glossary-entry"][data-in-item="true"]')).toHaveCount(0);
  const control = apiClient(server.url, server.tokens.control);
  expect((await control.command({ type: 'goto', itemId: 'open-cao', expectedItemId: 'open-local-gov' })).status).toBe(200);
  const first = booth.getByTestId('glossary-entry').first();
  await expect(first).toHaveAttribute('data-term', 'MIIT');
  await expect(first).toHaveAttribute('data-in-item', 'true');

  // Search in either language (G goes to the field).
  await booth.keyboard.press('g');
  await expect(booth.getByTestId('glossary-search')).toBeFocused();
  await booth.keyboard.type('劳工');
  await expect(booth.getByTestId('glossary-entry')).toHaveCount(1);
  await expect(booth.getByTestId('glossary-entry')).toHaveAttribute('data-term', 'ILO');
  await booth.keyboard.press('Escape');
  await expect(booth.getByTestId('glossary-entry')).toHaveCount(24);
});

test('booth notes, script flag and glossary: locked until the moderator allows it, then edited from the booth', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const boothApi = apiClient(server.url, server.tokens.booth);
  const booth = await openView('booth');
  await expect(booth.getByTestId('notes-text')).toContainText('Humen = 虎门');

  // Not allowed: said plainly, no edit controls, the keys do nothing, the server refuses.
  await expect(booth.getByTestId('notes-locked')).toHaveText('Editing off — only the moderator can allow it');
  await expect(booth.getByTestId('glossary-locked')).toBeVisible();
  await expect(booth.getByTestId('notes-edit')).toHaveCount(0);
  await booth.keyboard.press('n');
  await booth.keyboard.press('e');
  await expect(booth.getByTestId('notes-input')).toHaveCount(0);
  await expect(booth.getByTestId('glossary-editor')).toHaveCount(0);
  const refused = await boothApi.command({ type: 'booth.notes', itemId: 'open-lee', scriptReceived: true });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject({ code: 'edits-not-allowed' });

  expect((await control.command({ type: 'settings.update', boothMayEditNotes: true })).status).toBe(200);
  await expect(booth.getByTestId('notes-locked')).toHaveCount(0);

  // → goes to the next item's notes (Ms CAO); N edits, Ctrl+Enter saves; P marks the script in.
  await booth.keyboard.press('ArrowRight');
  await expect(booth.getByTestId('booth-notes')).toHaveAttribute('data-item-id', 'open-cao');
  await booth.keyboard.press('n');
  const input = booth.getByTestId('notes-input');
  await expect(input).toBeFocused();
  await input.fill('Ms CAO Xuejun: CAO sounds like "tsao".');
  await booth.keyboard.press('Control+Enter');
  await expect(booth.getByTestId('notes-text')).toHaveText('Ms CAO Xuejun: CAO sounds like "tsao".');
  await booth.keyboard.press('p');
  await expect(booth.getByTestId('notes-script')).toHaveAttribute('data-received', 'true');
  const cao = (await control.state()).agenda.sessions[0]!.items.find((i) => i.id === 'open-cao')!;
  expect(cao).toMatchObject({ boothNotes: 'Ms CAO Xuejun: CAO sounds like "tsao".', scriptReceived: true });
  await expect(booth.locator('[data-testid="upcoming-item"][data-item-id="open-cao"]')).toContainText('Script received');

  // E edits the glossary: Alt+N adds a term, Ctrl+Enter saves the whole glossary.
  await booth.keyboard.press('e');
  await expect(booth.getByTestId('glossary-editor')).toBeVisible();
  await booth.keyboard.press('Alt+KeyN');
  const added = booth.getByTestId('glossary-editor-row').last();
  await expect(added.getByTestId('glossary-term-input')).toBeFocused();
  await booth.keyboard.type('ISO');
  await added.getByTestId('glossary-input-en').fill('International Organization for Standardization');
  await added.getByTestId('glossary-input-zh').fill('国际标准化组织');
  await booth.keyboard.press('Control+Enter');
  await expect(booth.getByTestId('glossary-editor')).toHaveCount(0);
  const iso = booth.locator('[data-testid="glossary-entry"][data-term="ISO"]');
  await expect(iso.locator('[data-lang="zh"]')).toHaveText('国际标准化组织');
  const glossary = (await control.state()).agenda.glossary;
  expect(glossary).toHaveLength(25);
  expect(glossary.at(-1)).toEqual({ term: 'ISO', expansions: { en: 'International Organization for Standardization', zh: '国际标准化组织' } });

  // Withdrawn again: locked again.
  expect((await control.command({ type: 'settings.update', boothMayEditNotes: false })).status).toBe(200);
  await expect(booth.getByTestId('glossary-locked')).toBeVisible();
  await expect(booth.getByTestId('notes-locked')).toBeVisible();
});
