import type { AgendaInput, ItemInput } from '../../shared/agenda/agenda-schema';
import { dateIn, timeOfDayIn } from '../../shared/time/zoned-time';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * End by for a session (docs/schedule.md "End by for a session"): the moderator sets the session's
 * end in the console's session editor, and the last item, running, counts down to it on the
 * speaker monitor. Times are measured from the server's reported time, never slept.
 */
const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
const item = (id: string, durationSec: number): ItemInput => ({ id, title: id.toUpperCase(), kind: 'talk', language: 'en', speaker: { name: `Speaker ${id.toUpperCase()}` }, durationSec });
const secondsOf = (text: string) => {
  const [m, s] = text.replace('+', '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

test('the session editor sets a session end-by; the last item counts down to it', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const now = (await control.state()).serverTime;
  const endsAt = Math.ceil((now + 5 * MINUTE) / MINUTE) * MINUTE;
  const hhmm = timeOfDayIn(endsAt as never, ZONE);
  test.skip(hhmm >= '23:50' || hhmm < '00:10', 'too close to midnight in the event zone');
  const agenda: AgendaInput = {
    title: 'Webinar',
    date: dateIn(now, ZONE),
    timezone: ZONE,
    languages: ['en', 'zh'],
    sessions: [{ id: 'web', title: 'Webinar slot', moderatorLanguage: 'en', plannedStart: '00:00', plannedEnd: '23:59', items: [item('a', 600), item('b', 3600)] }],
  };
  expect((await control.command({ type: 'agenda.replace', agenda })).status).toBe(200);
  expect((await control.command({ type: 'goto', itemId: 'b' })).status).toBe(200);
  expect((await control.command({ type: 'start', expectedItemId: 'b' })).status).toBe(200);

  const moderator = await openView('moderator', { viewport: { width: 1920, height: 1080 } });
  await moderator.getByTestId('btn-edit-session').click();
  const dialog = moderator.getByTestId('session-edit-dialog');
  await expect(dialog).toContainText('Session ends by');
  // An end before the session's start is refused in the dialog, with the reason.
  await dialog.getByTestId('edit-session-end-at').fill('00:00');
  await dialog.getByTestId('btn-session-edit-save').click();
  await expect(dialog.getByTestId('session-edit-error')).toHaveAttribute('data-code', 'invalid');
  await dialog.getByTestId('edit-session-end-at').fill(hhmm);
  await moderator.screenshot({ path: 'test-results/session-end-by-dialog-1920.png' });
  await dialog.getByTestId('edit-session-end-at').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(moderator.getByTestId('session-ends-by')).toHaveText(`Ends by ${hhmm}`);
  await expect(moderator.getByTestId('item-timing')).toHaveText(`Ends by ${hhmm}`);
  expect((await control.state()).agenda.sessions[0]!.endAt).toBe(hhmm);

  // The running last item now counts to the session's end, not its hour.
  const speaker = await openView('speaker');
  const digits = speaker.getByTestId('clock-remaining');
  const serverNow = (await control.state()).serverTime;
  const want = Math.ceil((endsAt - serverNow) / 1000);
  await expect.poll(async () => Math.abs(secondsOf((await digits.textContent()) ?? '') - want)).toBeLessThanOrEqual(2);
  // +1 min on the console is refused with the reason.
  await moderator.bringToFront();
  await moderator.keyboard.press('Equal');
  await expect(moderator.getByTestId('command-error')).toHaveAttribute('data-code', 'end-by-item');
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await moderator.setViewportSize({ width: w, height: h });
    await moderator.screenshot({ path: `test-results/session-end-by-${w}.png` });
  }
  await moderator.setViewportSize({ width: 1920, height: 1080 });
  await moderator.screenshot({ path: 'test-results/session-end-by-1920.png' });

  // In Chinese: the heading and the editor.
  await moderator.getByTestId('lang-zh').click();
  await expect(moderator.getByTestId('session-ends-by')).toHaveText(`${hhmm} 前结束`);
  await moderator.getByTestId('btn-edit-session').click();
  await expect(moderator.getByTestId('session-edit-dialog')).toContainText('单元结束时刻');
  await moderator.screenshot({ path: 'test-results/session-end-by-dialog-zh-1920.png' });
  await moderator.keyboard.press('Escape');
});
