import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgendaInput } from '../../shared/agenda/agenda-schema';
import { ROOT, startServer, tempDataDir } from '../../tests/helpers/server-process';
import { expect, test as base } from '../../tests/e2e/fixtures';
import { DOC_SHOTS, MORE_SHOTS } from './shots-dir';

/**
 * The console running the sample event, for docs/screenshots/moderator.png (1280×800; part of
 * `npm run screenshots`). The server starts from a saved
 * state half an hour into the event (three speakers done, the fourth on), so the picture shows
 * what a chair sees mid-event: actual durations, drift, a recovery hint and a booth request.
 */

function midEventState(now: number) {
  const agenda = JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'just-transition-workshop.json'), 'utf8')) as AgendaInput;
  const s = (sec: number) => now - sec * 1000;
  const done = (startAgoSec: number, ranSec: number) => ({
    actualStart: s(startAgoSec),
    actualEnd: s(startAgoSec - ranSec),
    elapsedMs: ranSec * 1000,
    addedMs: 0,
    pauses: [],
  });
  const currentElapsedSec = 5 * 60 + 12;
  return {
    formatVersion: 1,
    state: {
      revision: 57,
      agenda,
      clock: { status: 'running', currentItemId: 'open-lee', runningSince: s(currentElapsedSec), accumulatedMs: 0, addedMs: 0 },
      messages: { speaker: null, booth: { text: 'Slides for Dr Lee are on the shared drive', sentAt: s(300) } },
      report: {
        'open-local-gov': done(1920, 8 * 60 + 41),
        'open-cao': done(1395, 7 * 60 + 48),
        'open-sun': done(920, 9 * 60 + 26),
        'open-lee': { actualStart: s(currentElapsedSec), actualEnd: null, elapsedMs: 0, addedMs: 0, pauses: [] },
      },
      display: { speakerBlank: false },
      booth: {
        requests: [
          { id: 'req-1', booth: 'Booth A', kind: 'slow-down', text: '', firstAt: s(48), lastAt: s(12), count: 2, acknowledgedAt: null },
          { id: 'req-0', booth: 'Booth A', kind: 'need-text', text: '', firstAt: s(700), lastAt: s(700), count: 1, acknowledgedAt: s(640) },
        ],
        turns: {},
        mayEditNotes: true,
      },
      recovery: null,
    },
  };
}

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  server: async ({}, use) => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'state.json'), JSON.stringify(midEventState(Date.now())));
    const server = await startServer({ dataDir });
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

test('screenshot of the console running the sample event', async ({ openView }) => {
  await openView('speaker');
  await openView('booth');
  const moderator = await openView('moderator', { viewport: { width: 1280, height: 800 } });
  await expect(moderator.getByTestId('current-speaker')).toHaveText('LEE Chang-Hee', { timeout: 20_000 });
  await expect(moderator.getByTestId('drift')).toHaveAttribute('data-state', 'late');
  await expect(moderator.getByTestId('display-row')).toHaveCount(2);
  await moderator.getByTestId('rundown-item').filter({ hasText: 'LEE Chang-Hee' }).scrollIntoViewIfNeeded();
  await moderator.evaluate(() => document.fonts.ready);
  await moderator.screenshot({ path: join(DOC_SHOTS, 'moderator.png') });
  await moderator.getByTestId('lang-zh').click();
  await moderator.evaluate(() => document.fonts.ready);
  await moderator.screenshot({ path: join(MORE_SHOTS, 'moderator-zh.png') });
});

test('screenshot of the automation dialog', async ({ server, openView }) => {
  const rules = [
    { id: 'vmix-rec', enabled: true, when: 'session.started', then: { type: 'http', method: 'GET', url: 'http://127.0.0.1:8088/api/?Function=StartRecording' } },
    { id: 'qlab-chime', enabled: true, when: 'item.danger', where: { kind: 'talk' }, then: { type: 'osc', host: '127.0.0.1', port: 53000, address: '/cue/CHIME/start' } },
    { id: 'companion-over', enabled: false, when: 'item.overtime', overtimeSec: 60, then: { type: 'http', method: 'POST', url: 'http://127.0.0.1:8000/api/location/1/0/3/press' } },
    { id: 'lt-en', enabled: true, when: 'item.started', where: { language: 'en' }, then: { type: 'lowerThird', show: true } },
  ];
  const res = await fetch(`${server.url}/api/v1/automations`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  expect(res.status).toBe(200);
  const moderator = await openView('moderator', { viewport: { width: 1280, height: 800 } });
  await moderator.getByTestId('automation-open').click();
  await expect(moderator.getByTestId('automation-rule')).toHaveCount(4);
  await moderator.getByTestId('automation-rule-edit').nth(1).click();
  await moderator.evaluate(() => document.fonts.ready);
  await moderator.screenshot({ path: join(DOC_SHOTS, 'automation.png') });
});

test("screenshot of the network panel's outputs", async ({ openView }) => {
  const moderator = await openView('moderator', { viewport: { width: 1280, height: 800 } });
  await moderator.getByTestId('network-open').click();
  const outputs = moderator.getByTestId('output-links');
  await expect(outputs.getByTestId('output-link-lower-third')).toBeVisible();
  await outputs.scrollIntoViewIfNeeded();
  await moderator.evaluate(() => document.fonts.ready);
  await moderator.screenshot({ path: join(DOC_SHOTS, 'network-outputs.png') });
});
