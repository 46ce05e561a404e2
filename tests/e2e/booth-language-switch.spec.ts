import type { Locator } from '@playwright/test';
import type { AgendaInput } from '../../shared/agenda/agenda-schema';
import { projectSchedule } from '../../shared/schedule/projection';
import { instant } from '../../shared/time/instant';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** Seconds shown by a countdown like "in 2:10". */
async function shownSeconds(countdown: Locator): Promise<number> {
  const text = (await countdown.textContent()) ?? '';
  const m = /(\d+):(\d\d)/.exec(text);
  expect(m, `"${text}" shows m:ss`).not.toBeNull();
  return Number(m![1]) * 60 + Number(m![2]);
}

test('before Dr LEE Chang-Hee the booth is warned of the switch to English, counting down to the projected start', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  // Dr LEE joins online this time: a risk the booth should see coming.
  expect((await control.command({ type: 'item.update', itemId: 'open-lee', patch: { attendance: 'online' } })).status).toBe(200);
  const booth = await openView('booth');

  // The opening starts with Chinese speakers: no switch next.
  const transition = booth.getByTestId('next-transition');
  await expect(transition).toContainText('Next: ZH continues');
  await expect(booth.getByTestId('language-switch')).toHaveCount(0);
  await expect(booth.getByTestId('booth-direction')).toHaveText(/ZH → EN/);

  expect((await control.command({ type: 'start', expectedItemId: 'open-local-gov' })).status).toBe(200);
  expect((await control.command({ type: 'goto', itemId: 'open-sun', expectedItemId: 'open-local-gov' })).status).toBe(200);

  const warning = booth.getByTestId('language-switch');
  await expect(warning).toHaveAttribute('data-item-id', 'open-lee');
  await expect(warning).toHaveAttribute('data-from', 'zh');
  await expect(warning).toHaveAttribute('data-to', 'en');
  await expect(warning).toContainText(/Next: ZH → EN in \d+:\d\d/);
  await expect(warning).toContainText('Dr LEE Chang-Hee');
  await expect(warning.locator('[data-attendance="online"]')).toHaveText('Online');
  // A booth working both ways flips with the floor.
  await expect(warning).toContainText('Your booth: EN → ZH');
  // The moderator of the opening speaks Chinese, one of the two: not named.
  await expect(booth.getByTestId('language-switch-moderator')).toHaveCount(0);
  await expect(booth.getByTestId('upcoming-item').first()).toHaveAttribute('data-item-id', 'open-lee');

  // The countdown is the projection the server makes (shared projectSchedule on GET /api/v1/state).
  const state = await control.state();
  const lee = projectSchedule(state, instant(state.serverTime)).items.find((i) => i.itemId === 'open-lee')!;
  expect(lee.projectedStart).not.toBeNull();
  const switchAt = Number(await warning.getAttribute('data-switch-at'));
  expect(Math.abs(switchAt - lee.projectedStart!)).toBeLessThanOrEqual(1000);

  const countdown = booth.getByTestId('next-countdown');
  for (let sample = 0; sample < 2; sample += 1) {
    const shown = await shownSeconds(countdown);
    const projectedLeftMs = lee.projectedStart! - Date.now();
    // "2:10" stands for (2:09, 2:10]: its middle is within a second of the projection.
    expect(Math.abs(shown * 1000 - 500 - projectedLeftMs)).toBeLessThanOrEqual(1000);
    // And it counts down: the next sample is read across a second boundary.
    if (sample === 0) await expect(countdown).not.toHaveText(`in ${Math.floor(shown / 60)}:${String(shown % 60).padStart(2, '0')}`);
  }
  // The whole item is still ahead of Mr SUN: the countdown is his remaining time (7 minutes).
  expect(await shownSeconds(countdown)).toBeGreaterThan(6 * 60);
});

test('the switch names the moderator when they speak a third language, and waits for the item when the clock has not started', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const state = await control.state();
  // The same event, with the opening moderated in French.
  const agenda = structuredClone(state.agenda) as AgendaInput;
  agenda.sessions[0]!.moderatorLanguage = 'fr';
  expect((await control.command({ type: 'agenda.replace', agenda })).status).toBe(200);
  expect((await control.command({ type: 'goto', itemId: 'open-sun', expectedItemId: 'open-local-gov' })).status).toBe(200);

  const booth = await openView('booth');
  const warning = booth.getByTestId('language-switch');
  await expect(warning).toContainText('Next: ZH → EN after this item');
  await expect(booth.getByTestId('next-countdown')).toHaveAttribute('data-kind', 'after');
  const moderator = booth.getByTestId('language-switch-moderator');
  await expect(moderator).toHaveAttribute('data-lang', 'fr');
  await expect(moderator).toHaveText('Moderator Ms YAN Yan speaks FR in between');
});
