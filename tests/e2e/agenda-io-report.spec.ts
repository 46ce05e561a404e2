import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_FORMAT_VERSION } from '../../electron/persistence/state-store';
import { runSampleEvent } from '../helpers/sample-event-run';
import { startServer, tempDataDir } from '../helpers/server-process';
import { expect, test } from './fixtures';

test('the timing report opens from the console in a new tab, under its own strict policy', async ({ context }) => {
  test.setTimeout(60_000);
  const dataDir = tempDataDir();
  writeFileSync(join(dataDir, 'state.json'), JSON.stringify({ formatVersion: STATE_FORMAT_VERSION, state: runSampleEvent() }));
  const server = await startServer({ dataDir });
  try {
    // Any page this context opens reports CSP violations to its console.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective}`));
    });
    const problems: string[] = [];
    context.on('page', (page) => {
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    });
    const moderator = await context.newPage();
    await moderator.goto(`${server.url}/moderator?token=${server.tokens.control}`);
    const link = moderator.getByTestId('report-link');
    // The link carries the view token once the console is online and has asked the server for it.
    await expect(link).toHaveAttribute('href', new RegExp(`token=${server.tokens.view}&lang=en$`), { timeout: 15_000 });

    const [report] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await report.waitForLoadState('load');
    await expect(report.getByTestId('timing-report')).toBeVisible();
    await expect(report.locator('h1')).toContainText('International Summit');
    await expect(report.locator('tr[data-item-id="open-cao"] td[data-col="actual"]')).toHaveText('6:55');
    await expect(report.locator('#skipped li')).toHaveText([/Youngmo Yoon/]);
    await expect(report.locator('#not-reached li')).toHaveCount(1);
    // The inline stylesheet applied (the CSP hash matched): the cards are laid out in a grid.
    expect(await report.locator('.cards').evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    expect(problems).toEqual([]);

    await report.close();
  } finally {
    await server.stop();
  }
});
