import type { Page } from '@playwright/test';
import type { Snapshot } from '../../shared/contract/state';
import type { UiLanguage } from '../../shared/i18n/translate';
import { agendaZones, timesInZones } from '../../shared/time/agenda-zones';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** The audience screen at the room's door and in the foyer (#19, docs/outputs.md). */

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

/** The next items' projected starts as the projection has them, in every zone of the event. */
function expectedStarts(state: Snapshot, lang: UiLanguage): string[] {
  const zones = agendaZones(state.agenda);
  const items = state.agenda.sessions.flatMap((s) => s.items).filter((i) => !i.skipped);
  const from = items.findIndex((i) => i.id === state.clock.currentItemId) + 1;
  return items.slice(from, from + 3).map((i) => {
    const at = state.schedule.items.find((s) => s.itemId === i.id)!.projectedStart!;
    return timesInZones(at, zones, lang)
      .map((z) => `${z.time} ${z.label}`)
      .join(' · ');
  });
}

async function expectMatchesProjection(page: Page, column: string, lang: UiLanguage, state: Snapshot) {
  const next = page.locator(`${column} [data-testid="audience-next"]`);
  const expected = expectedStarts(state, lang);
  await expect(next.getByTestId('audience-next-item')).toHaveCount(expected.length);
  const shown = await next.locator('.audience__times').allTextContents();
  expect(shown.map((s, i) => s.startsWith(expected[i]!))).toEqual(expected.map(() => true));
}

test.describe('the audience screen', () => {
  test('landscape, English: event, room, session, the current speaker with affiliation, the next items at the projection\'s times', async ({ openView, server }) => {
    const api = apiClient(server.url, server.tokens.control);
    await api.command({ type: 'start' });
    await api.command({ type: 'next' });
    const state = await api.state();
    const current = state.agenda.sessions.flatMap((s) => s.items).find((i) => i.id === state.clock.currentItemId)!;
    const page = await openView('audience', { viewport: LANDSCAPE, query: 'lang=en' });
    const speaker = page.getByTestId('audience-current-speaker');
    await expect(speaker).toHaveAttribute('data-item', current.id);
    await expect(speaker).toContainText(current.speaker.name);
    if (current.speaker.organisation) await expect(speaker).toContainText(current.speaker.organisation);
    await expect(page.locator('.audience__title')).toHaveText(state.agenda.title);
    if (state.agenda.venue) await expect(page.getByTestId('audience-room')).toHaveText(state.agenda.venue);
    await expect(page.getByTestId('audience-session')).toHaveText(state.agenda.sessions.find((s) => s.items.some((i) => i.id === current.id))!.title);
    await expectMatchesProjection(page, '[data-lang="en"]', 'en', state);
    // No digits unless asked for, and no "running late" unless the operator allows it.
    await expect(page.getByTestId('clock-remaining')).toHaveCount(0);
    await expect(page.getByTestId('audience-late')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LANDSCAPE.width);
  });

  test('portrait, 中文: the words and the zone names in Chinese, the same times', async ({ openView, server }) => {
    const api = apiClient(server.url, server.tokens.control);
    const state = await api.state();
    const page = await openView('audience', { viewport: PORTRAIT, query: 'lang=zh' });
    await expect(page.locator('.audience__now .audience__label')).toHaveText('当前');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectMatchesProjection(page, '[data-lang="zh"]', 'zh', state);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PORTRAIT.width);
  });

  test('?lang=en+zh: both languages side by side, each with the same speaker and times; ?timer=1 adds the digits', async ({ openView, server }) => {
    const api = apiClient(server.url, server.tokens.control);
    await api.command({ type: 'start' });
    const state = await api.state();
    for (const size of [LANDSCAPE, PORTRAIT]) {
      const page = await openView('audience', { viewport: size, query: 'lang=en%2Bzh&timer=1' });
      const columns = page.locator('.audience__column');
      await expect(columns).toHaveCount(2);
      await expect(columns.nth(0)).toHaveAttribute('data-lang', 'en');
      await expect(columns.nth(1)).toHaveAttribute('data-lang', 'zh');
      const [en, zh] = await columns.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()));
      expect(zh!.left).toBeGreaterThanOrEqual(en!.right - 1);
      await expect(page.getByTestId('audience-current-speaker')).toHaveCount(2);
      await expectMatchesProjection(page, '[data-lang="en"]', 'en', state);
      await expectMatchesProjection(page, '[data-lang="zh"]', 'zh', state);
      await expect(page.getByTestId('clock-remaining')).toHaveCount(2);
      await expect(page.getByTestId('lang-switch')).toHaveCount(0);
      await page.close();
    }
  });

  test('"running late" only once the operator allows it in the console', async ({ openView, server }) => {
    const api = apiClient(server.url, server.tokens.control);
    await api.command({ type: 'start' });
    const { clock } = await api.state();
    await api.command({ type: 'adjust', seconds: 600, expectedItemId: clock.currentItemId! });
    const page = await openView('audience', { viewport: LANDSCAPE, query: 'lang=en' });
    await expect(page.getByTestId('audience-current-speaker')).toHaveAttribute('data-item', clock.currentItemId!);
    await expect(page.getByTestId('audience-late')).toHaveCount(0);
    const moderator = await openView('moderator');
    // The box shows the state, so it ticks once the server has it (a click, not check()).
    await moderator.getByTestId('audience-shows-late').click();
    await expect(moderator.getByTestId('audience-shows-late')).toBeChecked();
    await expect(page.getByTestId('audience-late')).toHaveText(/running about \d+ min late/);
    await moderator.getByTestId('audience-shows-late').click();
    await expect(moderator.getByTestId('audience-shows-late')).not.toBeChecked();
    await expect(page.getByTestId('audience-late')).toHaveCount(0);
  });
});
