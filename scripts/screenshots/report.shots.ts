import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_FORMAT_VERSION } from '../../electron/persistence/state-store';
import { runSampleEvent } from '../../tests/helpers/sample-event-run';
import { startServer, tempDataDir } from '../../tests/helpers/server-process';
import { expect, test } from '../../tests/e2e/fixtures';
import { DOC_SHOTS } from './shots-dir';

/** The timing report of the sample event as it ran, opened from the console, for docs/screenshots/report.png. */
test('the timing report of the sample event', async ({ context }) => {
  const dataDir = tempDataDir();
  writeFileSync(join(dataDir, 'state.json'), JSON.stringify({ formatVersion: STATE_FORMAT_VERSION, state: runSampleEvent() }));
  const server = await startServer({ dataDir });
  try {
    const moderator = await context.newPage();
    await moderator.goto(`${server.url}/moderator?token=${server.tokens.control}`);
    const link = moderator.getByTestId('report-link');
    await expect(link).toHaveAttribute('href', new RegExp(`token=${server.tokens.view}&lang=en$`), { timeout: 15_000 });
    const [report] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await report.waitForLoadState('load');
    await expect(report.getByTestId('timing-report')).toBeVisible();
    await report.setViewportSize({ width: 1280, height: 900 });
    await report.screenshot({ path: join(DOC_SHOTS, 'report.png'), fullPage: true });
  } finally {
    await server.stop();
  }
});
