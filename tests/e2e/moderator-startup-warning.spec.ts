import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a corrupt state file moved aside at start-up is shown on the console until dismissed', async ({ server, openView }) => {
  await server.kill();
  writeFileSync(join(server.dataDir, 'state.json'), '{"formatVersion":1,"state":{"revis');
  // Same port and tokens: the fixture's links still work.
  const restarted = await server.restart();
  const page = await openView('moderator');
  try {
    const banner = page.getByTestId('startup-warning');
    await expect(banner).toContainText('Check the saved state');
    await expect(banner).toContainText(/moved to \S*state\.json\.corrupt-\S+ and the sample event was loaded/);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
    // The console itself works: the sample event is loaded.
    await expect(page.getByTestId('drift')).toBeVisible();
  } finally {
    // The page first: stopped under it, it would log its reconnection's refusals as console errors.
    await page.close();
    await restarted.stop();
  }
});
