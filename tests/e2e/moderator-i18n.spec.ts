import { expect, test } from './fixtures';

test('the console switches to Chinese at runtime, and back', async ({ openView }) => {
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('btn-start')).toHaveText('Start');
  await expect(moderator.getByTestId('drift')).toContainText('On time · projected end 16:30 Beijing / 09:30 CET');

  await moderator.getByTestId('lang-zh').click();
  await expect(moderator.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(moderator.getByTestId('btn-start')).toHaveText('开始');
  await expect(moderator.getByTestId('btn-next')).toHaveText('下一项');
  await expect(moderator.getByTestId('btn-plus-minute')).toHaveText('+1 分钟');
  await expect(moderator.getByTestId('drift')).toContainText('按时进行 · 预计结束 16:30 北京 / 09:30 CET');
  await expect(moderator.getByTestId('zone-clocks')).toContainText('北京');
  await expect(moderator.locator('[data-testid="message-preset"][data-preset="wrap-up"]')).toHaveText('请准备结束发言');
  await expect(moderator.locator('[data-session-id="opening"] [data-testid="session-moderator"]')).toHaveText('主持人：Ms YAN Yan · 中文');
  await expect(moderator.locator('[data-item-id="open-local-gov"]')).toContainText('开幕');
  await expect(moderator.getByTestId('booth-requests')).toContainText('没有待处理的请求。');
  await moderator.locator('body').press('Shift+Slash');
  await expect(moderator.getByTestId('shortcuts-sheet')).toContainText('键盘快捷键');
  await moderator.keyboard.press('Escape');

  // The Chinese glyphs come from the bundled font, not from whatever the machine has.
  const family = await moderator.getByTestId('btn-start').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(/^"?Noto Sans SC/);

  await moderator.getByTestId('lang-en').click();
  await expect(moderator.getByTestId('btn-start')).toHaveText('Start');
  await expect(moderator.locator('html')).toHaveAttribute('lang', 'en');
});
