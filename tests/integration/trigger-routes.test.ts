import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

/** HTTP trigger routes (docs/control.md), driven like a Stream Deck would: plain GET/POST URLs. */

let server: StartedServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface TriggerBody {
  ok?: boolean;
  revision?: number;
  status?: string;
  current?: { id: string; title: string; speaker: string } | null;
  remaining?: { ms: number | null; text: string };
  error?: { code: string; message: string };
}

async function trigger(path: string, init: { method?: string; token?: string | null; bearer?: string } = {}) {
  const token = init.token === undefined ? server.tokens.control : init.token;
  const sep = path.includes('?') ? '&' : '?';
  const url = `${server.url}/api/v1/trigger/${path}${token === null ? '' : `${sep}token=${encodeURIComponent(token)}`}`;
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.bearer ? { authorization: `Bearer ${init.bearer}` } : {},
  });
  return { status: res.status, body: (await res.json()) as TriggerBody };
}

const state = () => apiClient(server.url, server.tokens.control).state();

describe('HTTP trigger routes', () => {
  it('refuses a missing or wrong token with 401 and a non-control token with 403, changing nothing', async () => {
    const before = await state();
    expect((await trigger('start', { token: null })).status).toBe(401);
    expect((await trigger('start', { token: 'wrong-token-123' })).status).toBe(401);
    expect((await trigger('start', { token: null, bearer: 'wrong-token-123' })).status).toBe(401);
    const view = await trigger('start', { token: server.tokens.view });
    expect(view.status).toBe(403);
    expect(view.body.error?.code).toBe('forbidden');
    expect((await trigger('next', { token: server.tokens.booth })).status).toBe(403);
    const after = await state();
    expect(after.revision).toBe(before.revision);
    expect(after.clock.status).toBe('idle');
  });

  it('starts with GET ?token= and answers ok, revision, current item and remaining time', async () => {
    const before = await state();
    const res = await trigger('start');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: true,
      revision: before.revision + 1,
      current: { id: 'open-local-gov', title: 'Welcoming remarks', speaker: 'Local government representative' },
      remaining: { text: '7:00' },
    });
    expect(res.body.remaining!.ms).toBeGreaterThan(418_000);
    expect(res.body.remaining!.ms).toBeLessThanOrEqual(420_000);
    expect((await state()).clock.status).toBe('running');
  });

  it('toggles with POST and a Bearer token: pause when running, start when paused', async () => {
    const paused = await trigger('toggle', { method: 'POST', token: null, bearer: server.tokens.control });
    expect(paused.status).toBe(200);
    expect((await state()).clock.status).toBe('paused');
    const running = await trigger('toggle', { method: 'POST', token: null, bearer: server.tokens.control });
    expect(running.status).toBe(200);
    expect((await state()).clock.status).toBe('running');
    expect(running.body.revision).toBe(paused.body.revision! + 1);
    expect((await trigger('pause')).status).toBe(200);
    expect((await state()).clock.status).toBe('paused');
  });

  it('makes a repeated next with ?expected= safe: a bouncing button cannot skip two speakers', async () => {
    expect((await state()).clock.currentItemId).toBe('open-local-gov');
    const first = await trigger('next?expected=open-local-gov');
    expect(first.status).toBe(200);
    expect(first.body.current?.id).toBe('open-cao');
    const bounce = await trigger('next?expected=open-local-gov');
    expect(bounce.status).toBe(409);
    expect(bounce.body.error?.code).toBe('stale-item');
    expect((await state()).clock.currentItemId).toBe('open-cao');
    const back = await trigger('previous?expected=open-cao', { method: 'POST' });
    expect(back.body.current?.id).toBe('open-local-gov');
    expect((await trigger('previous?expected=open-cao')).status).toBe(409);
    expect((await state()).clock.currentItemId).toBe('open-local-gov');
  });

  it('goes to an item by id and by 1-based index, and refuses an index out of range', async () => {
    const byIndex = await trigger('goto-index/4');
    expect(byIndex.status).toBe(200);
    expect(byIndex.body.current).toEqual({ id: 'open-lee', title: 'Opening remarks', speaker: 'LEE Chang-Hee' });
    const byId = await trigger('goto/s1-yoon');
    expect(byId.body.current?.id).toBe('s1-yoon');
    const first = await trigger('goto-index/1', { method: 'POST' });
    expect(first.body.current?.id).toBe('open-local-gov');
    const before = await state();
    expect((await trigger('goto-index/0')).status).toBe(400);
    expect((await trigger('goto-index/15')).status).toBe(400);
    expect((await trigger('goto/no-such-item')).status).toBe(400);
    expect((await state()).revision).toBe(before.revision);
  });

  it('adjusts the time by whole seconds, negative allowed', async () => {
    const before = await state();
    const plus = await trigger('adjust/60');
    expect(plus.status).toBe(200);
    const minus = await trigger('adjust/-90');
    expect(minus.status).toBe(200);
    const after = await state();
    expect(after.clock.addedMs).toBe(before.clock.addedMs - 30_000);
    expect(minus.body.remaining?.text).toBe('6:30');
    expect((await trigger('adjust/abc')).status).toBe(400);
    expect((await trigger('adjust/1.5')).status).toBe(400);
    expect((await trigger('adjust/0')).status).toBe(400);
    expect((await state()).revision).toBe(after.revision);
  });

  it('sends a flashing message to the speaker and clears it', async () => {
    const sent = await trigger(`message/speaker?text=${encodeURIComponent('Two minutes left')}&flash=1`);
    expect(sent.status).toBe(200);
    expect((await state()).messages.speaker).toMatchObject({ text: 'Two minutes left', flash: true });
    expect((await trigger('message/speaker')).status).toBe(400);
    const cleared = await trigger('message/clear', { method: 'POST' });
    expect(cleared.status).toBe(200);
    expect((await state()).messages.speaker).toBeNull();
  });

  it('shows and hides the lower third (#19)', async () => {
    const shown = await trigger('lower-third/show');
    expect(shown.status).toBe(200);
    const after = await state();
    expect(after.display.lowerThird.cue).toMatchObject({ itemId: after.clock.currentItemId });
    expect((await trigger('lower-third/hide', { method: 'POST' })).status).toBe(200);
    expect((await state()).display.lowerThird.cue).toBeNull();
    expect((await trigger('lower-third/flash')).status).toBe(404);
    expect((await trigger('lower-third/show', { token: server.tokens.view })).status).toBe(403);
  });

  it('answers 404 for an unknown trigger or method', async () => {
    expect((await trigger('explode')).status).toBe(404);
    expect((await trigger('start/now')).status).toBe(404);
    expect((await trigger('start', { method: 'PUT' })).status).toBe(404);
  });
});
