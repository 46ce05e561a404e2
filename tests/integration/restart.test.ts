import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

const running: StartedServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.kill();
});

describe('crash safety', () => {
  it('after SIGKILL while the clock runs, restarts with the right remaining time and every acknowledged command', async () => {
    const first = await startServer();
    running.push(first);
    const control = apiClient(first.url, first.tokens.control);
    const acked: number[] = [];
    const send = async (cmd: object) => {
      const res = await control.command(cmd);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      acked.push(res.body.revision as number);
    };
    let snap = await control.state();
    await send({ type: 'start', expectedItemId: snap.clock.currentItemId });
    await send({ type: 'next', expectedItemId: snap.clock.currentItemId });
    snap = await control.state();
    await send({ type: 'adjust', seconds: 90, expectedItemId: snap.clock.currentItemId });
    await send({ type: 'message.speaker', text: 'Please slow down for the interpreters', flash: true });
    await send({ type: 'item.update', itemId: 's1-yoon', patch: { scriptReceived: true } });

    const before = await control.state();
    expect(before.clock.status).toBe('running');
    await first.kill();

    const second = await first.restart();
    running.push(second);
    const after = await apiClient(second.url, second.tokens.control).state();

    // No acknowledged command lost: same revision, same state.
    expect(after.revision).toBe(acked[acked.length - 1]);
    expect(after.clock.currentItemId).toBe(before.clock.currentItemId);
    expect(after.clock.addedMs).toBe(90_000);
    expect(after.messages.speaker?.text).toBe('Please slow down for the interpreters');
    expect(after.agenda).toEqual(before.agenda);
    expect(after.report).toEqual(before.report);

    // The clock kept running through the crash: remaining fell by exactly the time that passed.
    expect(after.clock.status).toBe('running');
    const expected = before.clock.remainingMs! - (after.serverTime - before.serverTime);
    const errorMs = Math.abs(after.clock.remainingMs! - expected);
    console.log(`restart accuracy: |error| = ${errorMs} ms over ${after.serverTime - before.serverTime} ms down`);
    expect(errorMs).toBeLessThanOrEqual(200);
  });

  it('persists on SIGTERM and exits 0', async () => {
    const first = await startServer();
    running.push(first);
    const control = apiClient(first.url, first.tokens.control);
    const res = await control.command({ type: 'message.booth', text: 'Handover after this speaker' });
    expect(res.status).toBe(200);
    expect(await first.stop()).toBe(0);
    const second = await first.restart();
    running.push(second);
    const after = await apiClient(second.url).state();
    expect(after.messages.booth?.text).toBe('Handover after this speaker');
    expect(after.revision).toBe(res.body.revision);
  });
});
