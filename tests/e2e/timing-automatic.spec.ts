import type { AgendaInput, ItemInput } from '../../shared/agenda/agenda-schema';
import { dateIn, timeOfDayIn } from '../../shared/time/zoned-time';
import { apiClient } from '../helpers/api-client';
import type { StartedServer } from '../helpers/server-process';
import { expect, test } from './fixtures';

/**
 * Automatic timing seen on the speaker monitor (docs/schedule.md "Automatic transitions"). The
 * server has no injectable clock: times are near-future instants measured from its reported time,
 * and the assertions wait for what a person would see, never for a fixed sleep.
 */
const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;

const item = (over: Partial<ItemInput> & { id: string }): ItemInput => ({ title: over.id.toUpperCase(), kind: 'talk', language: 'en', speaker: { name: `Speaker ${over.id.toUpperCase()}` }, ...over });

async function load(server: StartedServer, sessionStart: string, items: ItemInput[], session: Partial<AgendaInput['sessions'][number]> = {}) {
  const control = apiClient(server.url, server.tokens.control);
  const now = (await control.state()).serverTime;
  const agenda: AgendaInput = {
    title: 'Automatic timing',
    date: dateIn(now, ZONE),
    timezone: ZONE,
    languages: ['en', 'zh'],
    sessions: [{ id: 'main', title: 'Main', moderatorLanguage: 'en', plannedStart: sessionStart, plannedEnd: '23:59', items, ...session }],
  };
  expect((await control.command({ type: 'agenda.replace', agenda })).status).toBe(200);
  return control;
}

/** The next whole minute at least `leadMs` after the server's time, and the HH:MM it is in the event's zone. */
async function nextMinute(server: StartedServer, leadMs: number): Promise<{ at: number; hhmm: string }> {
  const now = (await apiClient(server.url, server.tokens.control).state()).serverTime;
  const at = Math.ceil((now + leadMs) / MINUTE) * MINUTE;
  return { at, hhmm: timeOfDayIn(at as never, ZONE) };
}

/** m:ss on the monitor, as seconds. */
const secondsOf = (text: string) => {
  const [m, s] = text.replace('+', '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

test('a session set to start at a time of day shows "Starts in" on the speaker monitor, then starts by itself', async ({ server, openView }) => {
  test.setTimeout(120_000);
  const { at, hhmm } = await nextMinute(server, 8_000);
  test.skip(hhmm >= '23:50', 'too close to midnight in the event zone');
  const control = await load(server, hhmm, [item({ id: 'a', durationSec: 600 }), item({ id: 'b', durationSec: 600 })], { autoStart: true });
  const speaker = await openView('speaker', { viewport: { width: 1366, height: 768 } });
  await expect(speaker.getByTestId('starts-in')).toContainText(/^Starts in \d+:\d\d$/);
  await expect(speaker.getByTestId('status-label')).toHaveAttribute('data-status', 'idle');

  await expect(speaker.getByTestId('starts-in')).toBeHidden({ timeout: 90_000 });
  await expect(speaker.getByTestId('status-label')).toBeHidden();
  await expect(speaker.getByTestId('clock-remaining')).toHaveText(/^9:[0-5]\d$/);
  const state = await control.state();
  expect(state.report['a']).toMatchObject({ actualStart: at, startedAutomatically: true });
});

test('an end-by item counts to the wall clock, paused or not', async ({ server, openView }) => {
  const { at: endsAt, hhmm } = await nextMinute(server, 3 * MINUTE);
  test.skip(hhmm >= '23:50' || hhmm < '00:10', 'too close to midnight in the event zone');
  const control = await load(server, '00:00', [item({ id: 'a', endAt: hhmm }), item({ id: 'b', durationSec: 600 })]);
  expect((await control.command({ type: 'start', expectedItemId: 'a' })).status).toBe(200);
  const speaker = await openView('speaker');
  const digits = speaker.getByTestId('clock-remaining');
  const expectToWallClock = async () => {
    const serverNow = (await control.state()).serverTime;
    const want = Math.ceil((endsAt - serverNow) / 1000);
    await expect.poll(async () => Math.abs(secondsOf((await digits.textContent()) ?? '') - want)).toBeLessThanOrEqual(2);
  };
  await expectToWallClock();
  // Paused, it still counts: the end is a time of day. Adding time is refused with the reason.
  expect((await control.command({ type: 'pause', expectedItemId: 'a' })).status).toBe(200);
  const before = secondsOf((await digits.textContent()) ?? '');
  await expect.poll(async () => secondsOf((await digits.textContent()) ?? '')).toBeLessThan(before);
  await expectToWallClock();
  const refusal = await control.command({ type: 'adjust', seconds: 60, expectedItemId: 'a' });
  expect(refusal.status).toBe(409);
  expect(refusal.body.error).toMatchObject({ code: 'end-by-item', path: 'seconds' });
  // On the console: the end in words, and +1 min refused with the reason.
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('item-timing')).toHaveText(`Ends by ${hhmm}`);
  await moderator.keyboard.press('Equal');
  await expect(moderator.getByTestId('command-error')).toHaveAttribute('data-code', 'end-by-item');
  await expect(moderator.getByTestId('command-error')).toContainText('move its end instead of adding time');
});

test('an auto-advanced item reaches the next speaker\'s monitor', async ({ server, openView }) => {
  const control = await load(server, '00:00', [item({ id: 'a', durationSec: 2, autoAdvance: { graceSec: 1 } }), item({ id: 'b', durationSec: 600 })]);
  const speaker = await openView('speaker');
  await expect(speaker.getByTestId('current-speaker')).toContainText('Speaker A');
  expect((await control.command({ type: 'start', expectedItemId: 'a' })).status).toBe(200);
  const started = (await control.state()).clock.runningSince!;
  await expect(speaker.getByTestId('current-speaker')).toContainText('Speaker B', { timeout: 15_000 });
  await expect(speaker.getByTestId('clock-remaining')).toHaveText(/^(10:00|9:[0-5]\d)$/);
  const state = await control.state();
  expect(state.report['b']).toMatchObject({ actualStart: started + 3000, startedAutomatically: true });
  expect(state.report['a']).toMatchObject({ actualEnd: started + 3000, endedAutomatically: true });
});

test('H on the console holds the automatic start (the monitors stop counting to it), and H again lets it start by itself', async ({ server, openView }) => {
  const { hhmm } = await nextMinute(server, 10 * MINUTE);
  test.skip(hhmm >= '23:50' || hhmm < '00:15', 'too close to midnight in the event zone');
  const control = await load(server, hhmm, [item({ id: 'a', durationSec: 600 })], { autoStart: true });
  const speaker = await openView('speaker');
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('scheduled-start')).toContainText(`Starts by itself at ${hhmm}`);
  await expect(speaker.getByTestId('starts-in')).toBeVisible();
  await moderator.keyboard.press('h');
  await expect(moderator.getByTestId('scheduled-start')).toHaveAttribute('data-held', 'true');
  await expect(moderator.getByTestId('scheduled-start')).toContainText('Automatic start held');
  await expect(speaker.getByTestId('starts-in')).toBeHidden();
  expect((await control.state()).timing.held).toEqual(['main']);
  await moderator.getByTestId('btn-hold-start').click();
  await expect(speaker.getByTestId('starts-in')).toBeVisible();
  expect((await control.state()).timing.held).toEqual([]);
});

test('an extra timer set on the console and started by an HTTP trigger counts on the audience page', async ({ server, openView, context }) => {
  const moderator = await openView('moderator', { viewport: { width: 1920, height: 1080 } });
  await moderator.getByTestId('aux-minutes-1').fill('15');
  await moderator.getByTestId('aux-label-1').fill('Coffee break ends');
  await moderator.getByTestId('aux-set-1').click();
  await expect(moderator.getByTestId('aux-row-1')).toContainText('Coffee break ends15:00');
  // The box shows the server's choice: ticked once the server has it.
  await moderator.getByTestId('aux-view-1-audience').click();
  await expect(moderator.getByTestId('aux-view-1-audience')).toBeChecked();
  const audience = await context.newPage();
  await audience.goto(`${server.url}/audience?token=${server.tokens.view}`);
  await expect(audience.getByTestId('aux-timer-1')).toContainText('Coffee break ends15:00');
  const res = await fetch(`${server.url}/api/v1/trigger/aux/start/1?token=${server.tokens.control}`);
  expect(res.status).toBe(200);
  await expect(audience.getByTestId('aux-timer-1')).toHaveAttribute('data-status', 'running');
  await expect(audience.getByTestId('aux-timer-1')).toContainText(/Coffee break ends14:5\d/);
  await expect(moderator.getByTestId('aux-pause-1')).toBeVisible();
  await audience.close();
});
