import type { CDPSession, Page } from '@playwright/test';
import { SERVER_DOWN_ERRORS, expect, test } from './fixtures';
import { renderedFonts } from './rendered-fonts';

/** unicode-range slices load on demand: wait until those for `text` are in. */
async function waitForNoto(page: Page, text: string, weight: 400 | 700): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async ([t, w]) => {
        await document.fonts.ready;
        return document.fonts.check(`${w} 16px "Noto Sans SC"`, t);
      }, [text, weight] as const),
    )
    .toBe(true);
}

/**
 * Every Chinese glyph of the element comes from the bundled Noto Sans SC (`glyphs` of them). Other
 * fonts may draw non-Chinese parts, e.g. a key hint drawn by CSS beside a button's label.
 */
async function expectNoto(cdp: CDPSession, selector: string, glyphs?: number): Promise<void> {
  await expect.poll(async () => (await renderedFonts(cdp, selector)).map((f) => f.familyName)).toContain('Noto Sans SC');
  const noto = (await renderedFonts(cdp, selector)).find((f) => f.familyName === 'Noto Sans SC');
  expect(noto!.isCustomFont, 'a web font served by the app, not a system font').toBe(true);
  if (glyphs !== undefined) expect(noto!.glyphCount).toBe(glyphs);
}

test('Chinese text is drawn with the bundled Noto Sans SC', async ({ openView }) => {
  const page = await openView('moderator');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');

  // Even on an English display, the "中文" switch must not be tofu.
  await expect(page.getByTestId('lang-zh')).toHaveText('中文');
  await waitForNoto(page, '中文', 400);
  await expectNoto(cdp, '[data-testid="lang-zh"]', 2);

  await page.getByTestId('lang-zh').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('btn-next')).toHaveText('下一项');
  await waitForNoto(page, '下一项', 700);
  await expectNoto(cdp, '[data-testid="btn-next"]', 3);
  await cdp.detach();
});

test.describe('offline', () => {
  test.use({ allowConsoleErrors: SERVER_DOWN_ERRORS });

  test('text first shown after the server went away still has its font', async ({ server, openView }) => {
    const page = await openView('speaker');
    await page.getByTestId('lang-zh').click();
    await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online');
    await page.evaluate(() => document.fonts.ready);

    await server.kill();
    // Bold, and with characters the page had not shown before.
    await expect(page.getByTestId('connection')).toHaveText('离线 — 正在重新连接…');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('lang-zh').click();
    // A slice that could not be fetched draws boxes (and DevTools still names Noto Sans SC for them),
    // so look at the slices themselves: none may have failed.
    const failed = await page.evaluate(async () => {
      await document.fonts.ready;
      const out: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'error') out.push(`${f.weight} ${f.unicodeRange.slice(0, 40)}`);
      });
      return out;
    });
    expect(failed).toEqual([]);
  });
});
