import { expect, test } from './fixtures';

for (const viewport of [
  { width: 640, height: 360 },
  { width: 1280, height: 800 },
  { width: 3840, height: 2160 },
]) {
  test(`speaker digits fill at least a quarter of a ${viewport.width}×${viewport.height} screen`, async ({ openView }) => {
    const page = await openView('speaker', { viewport });
    const digits = page.getByTestId('clock-remaining');
    await expect(digits).toHaveText('7:00');
    const box = await digits.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height).toBeGreaterThanOrEqual(viewport.height * 0.25);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    // The whole display fits: nothing scrolls on a confidence monitor.
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
  });
}

test('the booth sees the language of the current and next speakers', async ({ openView }) => {
  const booth = await openView('booth');
  await expect(booth.getByTestId('current-language')).toHaveAttribute('data-lang', 'zh');
  await expect(booth.getByTestId('current-language')).toContainText('Chinese');
  await booth.getByTestId('lang-zh').click();
  await expect(booth.getByTestId('current-language')).toContainText('中文');
  await expect(booth.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the language choice is per display and survives a reload', async ({ openView }) => {
  const moderator = await openView('moderator');
  const booth = await openView('booth');
  await moderator.getByTestId('lang-zh').click();
  await expect(moderator.getByTestId('btn-start')).toHaveText('开始');
  await expect(booth.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');
  await moderator.reload();
  await expect(moderator.getByTestId('btn-start')).toHaveText('开始');
  // The token came from sessionStorage this time: still connected.
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
});

test('a link with a wrong token says so', async ({ openView }) => {
  const page = await openView('speaker', { token: 'not-a-valid-token' });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
  await expect(page.getByTestId('connection')).toHaveText('Link not valid — ask for a new one');
  await expect(page.getByTestId('current-speaker')).toHaveText('Connecting to the server…');
});

test('a link without a token still shows the state (receive-only)', async ({ openView }) => {
  const page = await openView('booth', { token: '' });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await expect(page.getByTestId('clock-remaining')).toHaveText('7:00');
});
