import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('HTTP API v1', () => {
  it('answers health without a token', async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, name: 'rostrum' });
  });

  it('returns the snapshot of the sample event on a fresh data dir', async () => {
    const snap = await apiClient(server.url).state();
    expect(snap.agenda.sessions).toHaveLength(4);
    expect(snap.agenda.sessions.flatMap((s) => s.items)).toHaveLength(14);
    expect(snap.clock).toMatchObject({ status: 'idle', currentItemId: 'open-local-gov', remainingMs: 420_000, addedMs: 0, phase: 'normal' });
    expect(typeof snap.serverTime).toBe('number');
    expect(typeof snap.schedule.driftMs).toBe('number');
    const first = snap.schedule.items[0]!;
    expect(first.plannedStart).toBe(Date.parse('2022-11-17T06:00:00Z'));
    expect(typeof first.projectedStart).toBe('number');
  });

  it('applies a command sent with the control token and bumps the revision', async () => {
    const control = apiClient(server.url, server.tokens.control);
    const before = await control.state();
    const res = await control.command({ type: 'adjust', seconds: 60, expectedItemId: before.clock.currentItemId! });
    expect(res).toEqual({ status: 200, body: { ok: true, revision: before.revision + 1 } });
    const after = await control.state();
    expect(after.clock.addedMs).toBe(before.clock.addedMs + 60_000);
  });

  it('refuses a command without a token (401), with an unknown token (401), with the wrong role (403)', async () => {
    const before = await apiClient(server.url).state();
    const none = await apiClient(server.url).command({ type: 'start' });
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('unauthorized');
    const unknown = await apiClient(server.url, 'not-a-real-token').command({ type: 'start' });
    expect(unknown.status).toBe(401);
    for (const token of [server.tokens.booth, server.tokens.view]) {
      const res = await apiClient(server.url, token).command({ type: 'start' });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', path: 'type' });
    }
    expect((await apiClient(server.url).state()).revision).toBe(before.revision);
  });

  it('refuses an unknown token even for reads', async () => {
    const res = await fetch(`${server.url}/api/v1/state`, { headers: { authorization: 'Bearer nope-nope-nope' } });
    expect(res.status).toBe(401);
  });

  it('names the offending field of a malformed command (400) and changes nothing', async () => {
    const control = apiClient(server.url, server.tokens.control);
    const before = await control.state();
    const cases: [unknown, string][] = [
      [{ type: 'adjust', seconds: 'ten' }, 'seconds'],
      [{ type: 'adjust', seconds: 1.5 }, 'seconds'],
      [{ type: 'goto' }, 'itemId'],
      [{ type: 'launch' }, 'type'],
      [{ type: 'start', colour: 'red' }, 'colour'],
      [{ type: 'item.update', itemId: 'open-local-gov', patch: { durationSec: -5 } }, 'patch.durationSec'],
      ['{not json', 'body'],
    ];
    for (const [body, path] of cases) {
      const res = await control.command(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.path, JSON.stringify(body)).toBe(path);
      expect(res.body.error?.message.length).toBeGreaterThan(0);
    }
    const after = await control.state();
    expect(after.revision).toBe(before.revision);
    expect(after.agenda).toEqual(before.agenda);
  });

  it('refuses a stale expectedItemId with 409 and leaves the current item', async () => {
    const control = apiClient(server.url, server.tokens.control);
    const before = await control.state();
    const res = await control.command({ type: 'next', expectedItemId: 'open-cao' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'stale-item', path: 'expectedItemId' });
    expect((await control.state()).clock.currentItemId).toBe(before.clock.currentItemId);
  });

  it('serves each view with a strict Content-Security-Policy', async () => {
    for (const view of ['moderator', 'speaker', 'booth', 'lower-third', 'clock', 'crew']) {
      const res = await fetch(`${server.url}/${view}`);
      expect(res.status, view).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<div id="root"');
    }
  });

  it('answers 404 with a named error for unknown routes', async () => {
    const res = await fetch(`${server.url}/api/v1/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });
});
