import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandInput } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import { validateCommand } from '../../shared/contract/validate';
import { applyCommand } from '../../electron/engine/apply-command';
import { initialState } from '../../electron/engine/initial-state';
import { STATE_FORMAT_VERSION } from '../../electron/persistence/state-store';
import { at, loadSample } from '../builders';
import { startServer, tempDataDir } from '../helpers/server-process';
import { expect, test } from './fixtures';

/** Screenshots for docs: `ROSTRUM_SHOTS=docs/screenshots npx playwright test agenda-io-report`. */
const shots = process.env['ROSTRUM_SHOTS'];

/** The sample event as it might have run on its day, driven through the engine with an injected clock. */
function runSampleEvent(): RostrumState {
  const steps: [string, CommandInput][] = [
    ['13:58:00', { type: 'skip', itemId: 's1-yoon', skipped: true }],
    ['14:03:10', { type: 'start' }],
    ['14:10:55', { type: 'next' }],
    ['14:15:00', { type: 'pause' }],
    ['14:16:30', { type: 'resume' }],
    ['14:17:00', { type: 'adjust', seconds: 60 }],
    ['14:19:20', { type: 'next' }],
    ['14:26:00', { type: 'next' }],
    ['14:34:40', { type: 'next' }],
    ['14:50:10', { type: 'next' }],
    ['15:03:30', { type: 'next' }],
    ['15:09:45', { type: 'next' }],
    ['15:24:00', { type: 'next' }],
    ['15:41:15', { type: 'next' }],
    ['15:55:00', { type: 'pause' }],
    ['15:57:00', { type: 'resume' }],
    ['15:58:20', { type: 'goto', itemId: 'close-martinez' }],
    ['16:09:00', { type: 'next' }],
    ['16:21:30', { type: 'next' }],
  ];
  return steps.reduce((state, [time, input]) => {
    const cmd = validateCommand(input);
    if (!cmd.ok) throw new Error(cmd.error.message);
    return applyCommand(state, cmd.value, at(time));
  }, initialState(loadSample()));
}

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

    if (shots) {
      mkdirSync(shots, { recursive: true });
      await report.setViewportSize({ width: 1280, height: 900 });
      await report.screenshot({ path: join(shots, 'report.png'), fullPage: true });
    }
    await report.close();
  } finally {
    await server.stop();
  }
});
