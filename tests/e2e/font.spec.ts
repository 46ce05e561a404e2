import { expect, test } from './fixtures';

interface PlatformFont {
  familyName: string;
  postScriptName?: string;
  isCustomFont: boolean;
  glyphCount: number;
}

test('Chinese text is drawn with the bundled Noto Sans SC', async ({ openView }) => {
  const page = await openView('moderator');
  await page.getByTestId('lang-zh').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const label = page.getByTestId('btn-next');
  await expect(label).toHaveText('下一项');
  // unicode-range slices load on demand: wait until the ones this page uses are in.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await expect.poll(() => page.evaluate(() => document.fonts.check('700 16px "Noto Sans SC"', '下一项'))).toBe(true);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid="btn-next"]' });
  expect(nodeId).toBeGreaterThan(0);

  await expect
    .poll(async () => {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] };
      return fonts.map((f) => f.familyName);
    })
    .toContain('Noto Sans SC');
  const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: PlatformFont[] };
  const noto = fonts.find((f) => f.familyName === 'Noto Sans SC');
  expect(noto?.isCustomFont, 'a web font from the app, not a system font').toBe(true);
  expect(noto?.glyphCount).toBe(3);
  await cdp.detach();
});
