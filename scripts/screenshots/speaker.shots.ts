import { join } from 'node:path';
import { apiClient } from '../../tests/helpers/api-client';
import { expect, test } from '../../tests/e2e/fixtures';
import { DOC_SHOTS } from './shots-dir';

/** The speaker monitor's screenshots for docs/screenshots (part of `npm run screenshots`). */
test.use({ viewport: { width: 1600, height: 900 } });

test('the speaker monitor: normal, warning, overtime, message, Chinese', async ({ server, openView }) => {
  test.slow(); // five screenshots, each after the cursor has hidden
  const api = apiClient(server.url, server.tokens.control);
  const speaker = await openView('speaker');
  const root = speaker.getByTestId('view-root');
  const shot = async (name: string) => {
    await speaker.mouse.move(0, 0);
    await expect(speaker.locator('.speaker')).toHaveAttribute('data-cursor', 'hidden', { timeout: 6_000 });
    await speaker.evaluate(() => document.fonts.ready);
    await speaker.screenshot({ path: join(DOC_SHOTS, `speaker-${name}.png`) });
  };

  // The first speaker talks in Chinese: the monitor follows her language.
  const first = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId: first });
  await expect(speaker.getByTestId('status-label')).toHaveCount(0);
  await expect(speaker.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await api.command({ type: 'adjust', seconds: -(420 - 25), expectedItemId: first });
  await api.command({ type: 'message.speaker', text: 'Please slow down for the interpreters', preset: 'slow-down' });
  await expect(root).toHaveAttribute('data-phase', 'danger');
  await expect(speaker.getByTestId('speaker-message')).toHaveText('请放慢语速，方便同传翻译');
  await shot('zh');
  await api.command({ type: 'message.clear', target: 'speaker' });

  // Dr LEE, in English, with a 15-minute slot.
  await api.command({ type: 'goto', itemId: 'open-lee', expectedItemId: first });
  await api.command({ type: 'item.update', itemId: 'open-lee', patch: { durationSec: 900 } });
  await api.command({ type: 'adjust', seconds: -160, expectedItemId: 'open-lee' });
  await expect(speaker.locator('html')).toHaveAttribute('lang', 'en');
  await shot('normal');

  await api.command({ type: 'adjust', seconds: -(900 - 160 - 95), expectedItemId: 'open-lee' });
  await expect(root).toHaveAttribute('data-phase', 'warning');
  await shot('warning');

  await api.command({
    type: 'message.speaker',
    text: 'Please take one last question from the online audience',
    flash: false,
  });
  await expect(speaker.getByTestId('speaker-message')).toBeVisible();
  await shot('message');
  await api.command({ type: 'message.clear', target: 'speaker' });

  await api.command({ type: 'adjust', seconds: -120, expectedItemId: 'open-lee' });
  await expect(root).toHaveAttribute('data-phase', 'overtime');
  await expect(speaker.getByTestId('clock-remaining')).toHaveText(/^\+0:\d\d$/);
  await shot('overtime');
});
