import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** Today's date in a zone, as the date field takes it (YYYY-MM-DD). */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/agenda-io/${name}`, import.meta.url));

async function openImport(page: Page) {
  await page.getByTestId('agenda-import-open').click();
  const dialog = page.getByTestId('agenda-import-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('agenda import from the moderator console', () => {
  // Each test loads the console and reads a file on the server (the XLSX reader loads on first use).
  test.describe.configure({ timeout: 60_000 });

  test('choose a semicolon CSV: preview with warnings, event details, confirm', async ({ server, openView }) => {
    const page = await openView('moderator');
    const api = apiClient(server.url, server.tokens.control);
    const dialog = await openImport(page);
    await dialog.getByTestId('agenda-import-file').setInputFiles(fixturePath('workshop-semicolon-bom.csv'));

    await expect(dialog.getByTestId('agenda-import-summary')).toHaveAttribute('data-items', '5');
    await expect(dialog.getByTestId('agenda-import-item')).toHaveCount(5);
    await expect(dialog.getByTestId('agenda-import-item').first()).toContainText('LI Ming');
    await expect(dialog.locator('[data-testid="agenda-import-warning"][data-row="5"]')).toHaveCount(1);
    await expect(dialog.getByTestId('agenda-import-errors')).toHaveCount(0);
    // The current event's date (the sample's, 2022-11-17) is not today: said, until the date is changed.
    const dateWarning = dialog.locator('[data-testid="agenda-import-warning"][data-kind="date-not-today"]');
    await expect(dateWarning).toContainText('2022-11-17');
    await expect(dialog.getByTestId('agenda-import-warning')).toHaveCount(2);
    await dialog.getByTestId('agenda-import-option-date').fill(todayIn('Asia/Shanghai'));
    await expect(dateWarning).toHaveCount(0);
    await expect(dialog.getByTestId('agenda-import-warning')).toHaveCount(1);

    await dialog.getByTestId('agenda-import-option-title').fill('绿色转型研讨会');
    // The preview is checked again with the new title before it can be applied.
    await expect(dialog.getByTestId('agenda-import-checking')).toHaveCount(0);
    await expect(dialog.getByTestId('agenda-import-apply')).toBeEnabled();
    await dialog.getByTestId('agenda-import-apply').click();
    await expect(dialog.getByTestId('agenda-import-done')).toContainText('5 items in 2 sessions');

    const state = await api.state();
    expect(state.agenda.title).toBe('绿色转型研讨会');
    expect(state.agenda.sessions.map((s) => s.title)).toEqual(['开幕式 Opening', 'Session I — Supply chains']);
    await dialog.getByTestId('agenda-import-finish').click();
    await expect(dialog).toHaveCount(0);
  });

  test('a file with errors lists each with its row, in the console’s language, and cannot be applied', async ({ server, openView }) => {
    const page = await openView('moderator');
    const before = await apiClient(server.url).state();
    await page.getByTestId('lang-zh').click();
    const dialog = await openImport(page);
    await dialog.getByTestId('agenda-import-file').setInputFiles(fixturePath('errors-cells.csv'));

    const errors = dialog.getByTestId('agenda-import-error');
    await expect(errors).toHaveCount(9);
    const duration = dialog.locator('[data-testid="agenda-import-error"][data-row="7"]');
    await expect(duration).toHaveAttribute('data-column', 'duration');
    await expect(duration).toContainText('第 7 行，duration');
    await expect(duration).toContainText('“fifteen”不是时长');
    await expect(dialog.getByTestId('agenda-import-apply')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const after = await apiClient(server.url).state();
    expect(after.revision).toBe(before.revision);
  });

  test('a file dropped on the dialog is read like a chosen one', async ({ server, openView }) => {
    const page = await openView('moderator');
    const dialog = await openImport(page);
    const yaml = readFileSync(fixturePath('workshop.yaml'), 'utf8');
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'workshop.yaml', { type: 'application/yaml' }));
      return dt;
    }, yaml);
    await dialog.getByTestId('agenda-import-drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(dialog.getByTestId('agenda-import-filename')).toContainText('workshop.yaml');
    await expect(dialog.getByTestId('agenda-import-summary')).toHaveAttribute('data-items', '2');
    await dialog.getByTestId('agenda-import-apply').click();
    await expect(dialog.getByTestId('agenda-import-done')).toBeVisible();
    expect((await apiClient(server.url).state()).agenda.title).toBe('Green transition workshop');
  });

  test('over a running item: asks to stop the clock, then imports and stops it', async ({ server, openView }) => {
    const page = await openView('moderator');
    const api = apiClient(server.url, server.tokens.control);
    expect((await api.command({ type: 'start', expectedItemId: 'open-local-gov' })).status).toBe(200);
    const dialog = await openImport(page);
    await dialog.getByTestId('agenda-import-file').setInputFiles(fixturePath('workshop-libreoffice.xlsx'));

    await expect(dialog.getByTestId('agenda-import-running')).toBeVisible();
    await expect(dialog.getByTestId('agenda-import-recorded')).toBeVisible();
    const apply = dialog.getByTestId('agenda-import-apply');
    await expect(apply).toBeDisabled();
    // Keys pressed in the dialog never reach the console's shortcuts (N would be "next").
    await dialog.getByTestId('agenda-import-close').focus();
    await page.keyboard.press('n');
    // A command after it, answered: anything the key had sent would have been applied by now.
    expect((await api.command({ type: 'message.booth', text: 'sync' })).status).toBe(200);
    expect((await api.state()).clock.currentItemId).toBe('open-local-gov');

    await dialog.getByTestId('agenda-import-confirm-running').check();
    await apply.click();
    await expect(dialog.getByTestId('agenda-import-done')).toContainText('The clock was stopped.');
    const state = await api.state();
    expect(state.clock).toMatchObject({ status: 'idle', currentItemId: 'w-open' });
    expect(state.report).toEqual({});
  });

  test('one way out: a single Close while choosing, a single Close once done', async ({ openView }) => {
    const page = await openView('moderator');
    const dialog = await openImport(page);
    const exits = dialog.getByRole('button', { name: /^(close|cancel|done)$/i });
    await expect(exits).toHaveCount(1);
    await dialog.getByTestId('agenda-import-file').setInputFiles(fixturePath('workshop.yaml'));
    await expect(dialog.getByTestId('agenda-import-apply')).toBeEnabled();
    await expect(exits).toHaveCount(1);
    await dialog.getByTestId('agenda-import-apply').click();
    await expect(dialog.getByTestId('agenda-import-done')).toBeVisible();
    await expect(exits).toHaveCount(1);
    await exits.click();
    await expect(dialog).toHaveCount(0);
  });

  test('a flood of errors: the first 100 are drawn, then how many more; the console stays usable', async ({ openView }) => {
    const page = await openView('moderator');
    const dialog = await openImport(page);
    const rows = 5_000;
    const csv = `session,session_start,title,duration\nS,09:00,T,fifteen\n${'S,,T,fifteen\n'.repeat(rows - 1)}`;
    await dialog.getByTestId('agenda-import-file').setInputFiles({ name: 'flood.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const errors = dialog.getByTestId('agenda-import-error');
    await expect(errors).toHaveCount(101);
    await expect(errors.last()).toHaveAttribute('data-kind', 'more-problems');
    // Every row's duration is wrong (and the later rows lack nothing else): 5,000 and a few more in all.
    await expect(errors.last()).toContainText(/and 4,9\d\d more/);
    await expect(dialog.getByTestId('agenda-import-errors').locator('h3')).toContainText(/5,0\d\d errors/);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // The console answers at once afterwards.
    await page.getByTestId('agenda-import-open').click();
    await expect(page.getByTestId('agenda-import-dialog')).toBeVisible();
  });

  test('a file of another kind is named and refused before anything is sent', async ({ openView }) => {
    const page = await openView('moderator');
    const dialog = await openImport(page);
    await dialog.getByTestId('agenda-import-file').setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expect(dialog.getByTestId('agenda-import-unsupported')).toContainText('agenda.pdf');
    await expect(dialog.getByTestId('agenda-import-apply')).toBeDisabled();
  });
});
