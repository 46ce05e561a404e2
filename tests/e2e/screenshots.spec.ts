import { mkdirSync } from 'node:fs';
import { VIEWS } from '../../shared/contract/http';
import { expect, test } from './fixtures';

/** Screenshots for a human to look at: `ROSTRUM_SHOTS=/tmp/shots npx playwright test screenshots`. */
const dir = process.env['ROSTRUM_SHOTS'];

test.skip(!dir, 'set ROSTRUM_SHOTS to a folder to take screenshots');

test('screenshots of every view, idle and running, in both languages', async ({ openView }) => {
  mkdirSync(dir!, { recursive: true });
  const pages = Object.fromEntries(await Promise.all(VIEWS.map(async (v) => [v, await openView(v)] as const)));
  for (const page of Object.values(pages)) await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
  for (const [view, page] of Object.entries(pages)) await page.screenshot({ path: `${dir}/${view}-idle-en.png` });

  await pages['moderator']!.getByTestId('btn-start').click();
  for (const page of Object.values(pages)) await expect(page.getByTestId('clock-remaining')).toHaveText('6:59');
  for (const [view, page] of Object.entries(pages)) {
    await page.getByTestId('lang-zh').click();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${dir}/${view}-running-zh.png` });
  }
});
