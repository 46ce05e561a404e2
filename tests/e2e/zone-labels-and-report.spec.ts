import { dateIn } from '../../shared/time/zoned-time';
import { instant } from '../../shared/time/instant';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/** Issue 13, points 9 and 10: one label per time zone on every view and the report; a rehearsal's report reads plainly. */

test('every view names the event zone the same way, in English and in Chinese', async ({ openView }) => {
  const moderator = await openView('moderator');
  const booth = await openView('booth');
  const speaker = await openView('speaker');

  await expect(moderator.getByTestId('zone-clocks')).toContainText('Beijing');
  await expect(booth.getByTestId('booth-time-zone')).toHaveText('Beijing');
  await speaker.getByTestId('lang-en').click();
  await expect(speaker.getByTestId('time-of-day-zone')).toHaveText('Beijing');

  await moderator.getByTestId('lang-zh').click();
  await booth.getByTestId('lang-zh').click();
  await speaker.getByTestId('lang-zh').click();
  await expect(moderator.getByTestId('zone-clocks')).toContainText('北京');
  await expect(booth.getByTestId('booth-time-zone')).toHaveText('北京');
  await expect(speaker.getByTestId('time-of-day-zone')).toHaveText('北京');
  for (const page of [moderator, booth, speaker]) await expect(page.locator('body')).not.toContainText('Shanghai');
});

test('the report of a rehearsal: its own day in the header, a plain note, the event zone labels', async ({ server, openView }) => {
  const api = apiClient(server.url, server.tokens.control);
  const first = (await api.state()).clock.currentItemId!;
  await api.command({ type: 'start', expectedItemId: first });
  const { serverTime, schedule } = await api.state();
  // The sample is dated 2022-11-17; run today, it is a rehearsal and the plan is re-anchored.
  expect(schedule.anchorOffsetMs).not.toBe(0);
  const today = dateIn(instant(serverTime), 'Asia/Shanghai');

  for (const lang of ['en', 'zh'] as const) {
    const report = await openView('moderator');
    await report.goto(`${server.url}/api/v1/report?format=html&lang=${lang}&token=${server.tokens.view}`);
    await expect(report.getByTestId('report-date')).toHaveText(today);
    await expect(report.getByTestId('report-rehearsed')).toHaveText(
      lang === 'en' ? `Rehearsed on ${today}; planned times shifted to that day.` : `彩排于 ${today}；计划时间已平移到当天。`,
    );
    await expect(report.locator('body')).not.toContainText(/shifted by|[+\u2212]\d{3,}:\d\d:\d\d/);
    await expect(report.locator('header')).toContainText(lang === 'en' ? 'Beijing (UTC+8)' : '北京 (UTC+8)');
    await expect(report.locator('body')).not.toContainText('Shanghai');
    // The first item's planned start is on the header's day.
    const plannedStart = await report.locator(`tr[data-item-id="${first}"] td.time`).first().textContent();
    expect(plannedStart).toMatch(/^\d\d:\d\d/);
  }
});
