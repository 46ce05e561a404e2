import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../shared/agenda/agenda-schema';
import { dateIn } from '../../shared/time/zoned-time';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * An automatic transition that comes due while the server is down (killed, no shutdown) is applied
 * once when it starts again, at the transition's own instant, not at the restart's; a second
 * restart applies nothing more. The server has no injectable clock: the times are measured from the
 * server's own reported time.
 */
const running: StartedServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.kill();
});
const track = (s: StartedServer) => (running.push(s), s);

function agendaFor(today: string): AgendaInput {
  return {
    title: 'Restart test',
    date: today,
    timezone: 'Asia/Shanghai',
    languages: ['en'],
    sessions: [
      {
        id: 'main',
        title: 'Main',
        moderatorLanguage: 'en',
        plannedStart: '00:00',
        plannedEnd: '23:59',
        items: [
          { id: 'a', title: 'A', kind: 'talk', language: 'en', durationSec: 2, autoAdvance: { graceSec: 1 } },
          { id: 'b', title: 'B', kind: 'talk', language: 'en', durationSec: 600 },
        ],
      },
    ],
  };
}

/** Resolves once this machine's clock (the server's too: same machine) has passed `instant`. */
async function untilPast(instant: number): Promise<void> {
  while (Date.now() <= instant) await new Promise((r) => setTimeout(r, Math.max(1, instant - Date.now() + 1)));
}

describe('automatic transitions across a kill and restart', () => {
  it('are applied once, at their own timestamp', async () => {
    const first = track(await startServer());
    const control = apiClient(first.url, first.tokens.control);
    const today = dateIn((await control.state()).serverTime, 'Asia/Shanghai');
    expect((await control.command({ type: 'agenda.replace', agenda: agendaFor(today) })).status).toBe(200);
    expect((await control.command({ type: 'start', expectedItemId: 'a' })).status).toBe(200);
    const started = await control.state();
    const due = started.clock.runningSince! + 3000;
    await first.kill();
    await untilPast(due + 500);

    const second = track(await first.restart());
    const after = await apiClient(second.url, second.tokens.control).state();
    expect(after.clock).toMatchObject({ currentItemId: 'b', status: 'running', runningSince: due });
    expect(after.report['a']).toMatchObject({ actualEnd: due, elapsedMs: 3000, endedAutomatically: true });
    expect(after.report['b']).toMatchObject({ actualStart: due, startedAutomatically: true });
    expect(after.timing.fired).toEqual(['advance:a']);
    expect(after.revision).toBe(started.revision + 1);
    await second.kill();

    const third = track(await second.restart());
    const again = await apiClient(third.url, third.tokens.control).state();
    expect(again.revision).toBe(after.revision);
    expect(again.timing.fired).toEqual(['advance:a']);
  });
});
