import { lanAddresses } from '../../electron/server/lan-listeners';
import { OUTPUT_PAGES, outputPath, type OutputPage } from '../../shared/contract/http';
import { expect, test } from './fixtures';

/**
 * The console's Network panel links the read-only outputs (#19: audience screen, lower third, studio
 * clock, crew) with the view token, on this computer and, with LAN mode on, on each LAN address with
 * a QR code; each link opens its page.
 */
const LAN = lanAddresses()[0];

/** What shows that the page opened and connected. */
const MARK: Record<OutputPage, string> = {
  audience: 'audience-current-speaker',
  'lower-third': 'lower-third',
  clock: 'clock-time',
  crew: 'crew-current',
};

test('the outputs are listed with the view token and a hint, each link opens its page, and a new key renews them', async ({ server, openView }) => {
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await moderator.getByTestId('network-open').click();
  const panel = moderator.getByTestId('network-panel');
  const outputs = panel.getByTestId('output-links');
  await expect(outputs).toBeVisible();
  await expect(outputs.locator('[data-page="lower-third"]')).toContainText('OBS/vMix browser source, 1920×1080, transparent');

  for (const page of OUTPUT_PAGES) {
    const link = outputs.getByTestId(`output-link-${page}`);
    await expect(link).toHaveText(`${server.url}${outputPath(page)}?token=${server.tokens.view}`);
    const url = new URL((await link.textContent())!);
    const opened = await openView(page, { baseUrl: url.origin, path: `${url.pathname}${url.search}` });
    await expect(opened.getByTestId(MARK[page]).first()).toBeAttached();
    await expect(opened.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await opened.close();
  }

  await outputs.scrollIntoViewIfNeeded();
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
    [390, 844],
  ] as const) {
    await moderator.setViewportSize({ width, height });
    await outputs.scrollIntoViewIfNeeded();
    await moderator.screenshot({ path: test.info().outputPath(`network-outputs-${width}x${height}.png`) });
  }
  await moderator.setViewportSize({ width: 1366, height: 768 });

  if (LAN !== undefined) {
    // LAN mode on: one link per LAN address, with a QR code, that opens the page from that address.
    await panel.getByTestId('lan-toggle').check();
    await expect(panel).toHaveAttribute('data-lan', 'true');
    const base = `http://${LAN}:${server.port}`;
    for (const page of OUTPUT_PAGES) {
      await expect(outputs.getByTestId(`output-link-${page}`).first()).toHaveText(`${base}${outputPath(page)}?token=${server.tokens.view}`);
      await expect(outputs.getByTestId(`output-qr-${page}`).first()).toHaveAttribute('data-text', `${base}${outputPath(page)}?token=${server.tokens.view}`);
    }
    await outputs.scrollIntoViewIfNeeded();
    await moderator.screenshot({ path: test.info().outputPath('network-outputs-lan-1366x768.png') });
    const lowerThird = await openView('lower-third', { baseUrl: base });
    await expect(lowerThird.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await lowerThird.close();
    await panel.getByTestId('lan-toggle').uncheck();
    await expect(panel).toHaveAttribute('data-lan', 'false');
  }

  // A new speaker-monitor key: the outputs use it too, and their links show the new one.
  await panel.getByTestId('token-rotate-view').click();
  await moderator.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
  await expect(outputs.getByTestId('output-link-clock')).not.toHaveText(`${server.url}/clock?token=${server.tokens.view}`);
  await expect(outputs.getByTestId('output-link-clock')).toHaveText(new RegExp(`^${server.url}/clock\\?token=`));

  // In Chinese.
  await moderator.keyboard.press('Escape');
  await moderator.getByTestId('lang-zh').click();
  await moderator.getByTestId('network-open').click();
  await expect(outputs.getByRole('heading', { name: '输出画面（只读）' })).toBeVisible();
  await outputs.scrollIntoViewIfNeeded();
  await moderator.screenshot({ path: test.info().outputPath('network-outputs-zh-1366x768.png') });
});
