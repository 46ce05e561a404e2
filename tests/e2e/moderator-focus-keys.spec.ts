import type { Page } from '@playwright/test';
import type { ClockStatus } from '../../shared/clock/clock-state';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * Issue #13, point 1: a clicked button keeps the focus, and Space used to press it again (a Next
 * click, then Space meaning "start", skipped a speaker). The shortcuts now act the same whatever
 * has the focus, except in text fields.
 */

const TOGGLED: Record<ClockStatus, ClockStatus> = { idle: 'running', paused: 'running', running: 'paused', ended: 'ended' };

test('after a click on any clock control, Space starts or pauses and N, P and the adjust keys do only their own job', async ({ server, openView }) => {
  test.slow(); // ten controls, each followed by keys, checked on the server and the monitor
  const api = apiClient(server.url, server.tokens.control);
  const moderator = await openView('moderator', { viewport: { width: 1366, height: 768 } });
  const speaker = await openView('speaker');
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  const names = new Map((await api.state()).agenda.sessions.flatMap((s) => s.items).map((i) => [i.id, i.speaker.name]));

  /** What the server says, and that the monitor shows the same speaker. */
  const server_ = async () => {
    const s = await api.state();
    return { item: s.clock.currentItemId, status: s.clock.status, addedMs: s.clock.addedMs };
  };
  const expectNow = async (want: { item: string; status?: ClockStatus; addedMs?: number }) => {
    await expect.poll(async () => {
      const got = await server_();
      return { item: got.item, ...(want.status ? { status: got.status } : {}), ...(want.addedMs !== undefined ? { addedMs: got.addedMs } : {}) };
    }).toEqual(want);
    for (const page of [moderator, speaker]) await expect(page.getByTestId('current-speaker')).toHaveText(names.get(want.item)!);
  };
  /** Space after a click: the clock toggles, on the item the click left, with the time it left. */
  const spaceToggles = async (page: Page) => {
    const before = await server_();
    await page.keyboard.press('Space');
    await expectNow({ item: before.item!, status: TOGGLED[before.status], addedMs: before.addedMs });
    await expect(page.getByTestId('shortcuts-sheet')).toHaveCount(0);
    await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  };
  const click = (testId: string) => moderator.getByTestId(testId).click();

  // Start, then Space: paused, not started again.
  await click('btn-start');
  await expectNow({ item: 'open-local-gov', status: 'running' });
  await spaceToggles(moderator);
  await expectNow({ item: 'open-local-gov', status: 'paused' });

  // Pause, then Space: running again.
  await moderator.keyboard.press('Space');
  await expectNow({ item: 'open-local-gov', status: 'running' });
  await click('btn-pause');
  await expectNow({ item: 'open-local-gov', status: 'paused' });
  await spaceToggles(moderator);

  // Next, then Space: the clock of the new item, and no second speaker skipped.
  await click('btn-next');
  await expectNow({ item: 'open-cao' });
  await spaceToggles(moderator);
  // …and Enter presses nothing: the clicked button let go of the focus.
  await moderator.keyboard.press('Enter');
  await moderator.keyboard.press('BracketRight');
  await expectNow({ item: 'open-cao', addedMs: 30_000 });

  // Previous, then Space.
  await click('btn-previous');
  await expectNow({ item: 'open-local-gov' });
  await spaceToggles(moderator);

  // Each adjustment, then Space: the time moves once.
  let added: number = (await server_()).addedMs;
  for (const [testId, seconds] of [
    ['btn-plus-30s', 30],
    ['btn-minus-30s', -30],
    ['btn-plus-minute', 60],
    ['btn-minus-minute', -60],
  ] as const) {
    await click(testId);
    added += seconds * 1000;
    await expectNow({ item: 'open-local-gov', addedMs: added });
    await spaceToggles(moderator);
  }

  // The help, closed with Esc, then Space: the clock, not the help again.
  await click('btn-shortcuts');
  await expect(moderator.getByTestId('shortcuts-sheet')).toBeVisible();
  await moderator.keyboard.press('Escape');
  await expect(moderator.getByTestId('shortcuts-sheet')).toHaveCount(0);
  await spaceToggles(moderator);

  // Reset (confirmed), then Space.
  await click('btn-reset');
  await moderator.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
  await expectNow({ item: 'open-local-gov', status: 'idle', addedMs: 0 });
  await spaceToggles(moderator);

  // A row of the rundown, then Space: the clock, not the row again.
  await moderator.locator('[data-testid="rundown-item"][data-item-id="open-local-gov"] .row__main').click();
  await spaceToggles(moderator);

  // Skip (confirmed): this one speaker is skipped; then Space, and nobody else is.
  await click('btn-skip');
  await moderator.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
  await expectNow({ item: 'open-cao' });
  await spaceToggles(moderator);

  // Then the keys themselves, with the focus still where the clicks left it.
  await moderator.keyboard.press('KeyN');
  await expectNow({ item: 'open-sun' });
  await moderator.keyboard.press('KeyP');
  await expectNow({ item: 'open-cao' });
  added = (await server_()).addedMs;
  for (const [code, seconds] of [
    ['Equal', 60],
    ['Minus', -60],
    ['BracketRight', 30],
    ['BracketLeft', -30],
  ] as const) {
    await moderator.keyboard.press(code);
    added += seconds * 1000;
    await expectNow({ item: 'open-cao', addedMs: added });
  }

  // The report: only the speaker skipped on purpose is skipped; nobody was run through by a key.
  const final = await api.state();
  const skipped = final.agenda.sessions.flatMap((s) => s.items).filter((i) => i.skipped).map((i) => i.id);
  expect(skipped).toEqual(['open-local-gov']);
  const visited = Object.entries(final.report).filter(([, r]) => r.actualStart !== null).map(([id]) => id).sort();
  expect(visited.every((id) => ['open-cao', 'open-local-gov', 'open-sun'].includes(id))).toBe(true);
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
});
