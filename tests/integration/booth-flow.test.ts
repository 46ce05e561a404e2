import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, nextEvent, sendCommand, type TestSocket } from '../helpers/socket-client';

let server: StartedServer;
const open: TestSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
afterAll(async () => {
  await server?.stop();
});

async function connect(token?: string) {
  const c = await connectSocket(server.url, token);
  open.push(c.socket);
  return c;
}

/** The next `displays:update` that satisfies `predicate` (listened for before anything is sent). */
function nextDisplays(socket: TestSocket, predicate: (displays: ConnectedDisplay[]) => boolean): Promise<ConnectedDisplay[]> {
  return new Promise((resolve) => {
    const handler = (displays: ConnectedDisplay[]) => {
      if (!predicate(displays)) return;
      socket.off('displays:update', handler);
      resolve(displays);
    };
    socket.on('displays:update', handler);
  });
}

describe('booth requests, end to end', () => {
  it('a booth asks to slow down; the console sees it; control acknowledges over HTTP; the booth sees the acknowledgement', async () => {
    const { socket: control, snapshot } = await connect(server.tokens.control);
    const { socket: booth } = await connect(server.tokens.booth);
    expect(snapshot.booth.requests).toEqual([]);

    const seen = nextEvent(control, 'state:patch', (p) => p.booth !== undefined);
    const ack = await sendCommand(booth, { type: 'booth.request', booth: 'Booth A', kind: 'slow-down' });
    expect(ack).toEqual({ ok: true, revision: snapshot.revision + 1 });
    const patch = await seen;
    expect(patch.revision).toBe(snapshot.revision + 1);
    expect(patch.agenda).toBeUndefined();
    expect(patch.booth!.requests).toHaveLength(1);
    const request = patch.booth!.requests[0]!;
    expect(request).toMatchObject({ booth: 'Booth A', kind: 'slow-down', text: '', count: 1, acknowledgedAt: null });
    expect(request.firstAt).toBe(request.lastAt);

    const acknowledged = nextEvent(booth, 'state:patch', (p) => p.booth !== undefined);
    const res = await apiClient(server.url, server.tokens.control).command({ type: 'booth.ack', requestId: request.id });
    expect(res).toEqual({ status: 200, body: { ok: true, revision: snapshot.revision + 2 } });
    const next = await acknowledged;
    expect(next.revision).toBe(snapshot.revision + 2);
    expect(next.booth!.requests).toEqual([{ ...request, acknowledgedAt: expect.any(Number) }]);
    expect(next.booth!.requests[0]!.acknowledgedAt).toBeGreaterThanOrEqual(request.firstAt);
  });

  it('the booth may not acknowledge, nor send control commands over HTTP (403 forbidden)', async () => {
    const booth = apiClient(server.url, server.tokens.booth);
    const before = await booth.state();
    const start = await booth.command({ type: 'start', expectedItemId: before.clock.currentItemId! });
    expect(start.status).toBe(403);
    expect(start.body.error).toMatchObject({ code: 'forbidden', path: 'type' });
    const ack = await booth.command({ type: 'booth.ack', requestId: 'req-x' });
    expect(ack.status).toBe(403);
    expect(ack.body.error).toMatchObject({ code: 'forbidden', path: 'type' });
    const after = await booth.state();
    expect(after.revision).toBe(before.revision);
    expect(after.clock.status).toBe('idle');
  });

  it('acknowledging an unknown request is refused naming requestId', async () => {
    const res = await apiClient(server.url, server.tokens.control).command({ type: 'booth.ack', requestId: 'req-nope' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'unknown-request', path: 'requestId' });
  });
});

describe('booth notes, allowed by the moderator', () => {
  it('are refused with 403 edits-not-allowed until control sends settings.update, then accepted', async () => {
    const booth = apiClient(server.url, server.tokens.booth);
    const notes = { type: 'booth.notes', itemId: 's1-yoon', boothNotes: 'Script received by mail', scriptReceived: true };
    const before = await booth.state();
    expect(before.booth.mayEditNotes).toBe(false);

    const refused = await booth.command(notes);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'edits-not-allowed', path: 'type' });
    const glossary = await booth.command({ type: 'glossary.replace', glossary: [] });
    expect(glossary.status).toBe(403);
    expect(glossary.body.error).toMatchObject({ code: 'edits-not-allowed' });

    // The booth may not allow itself.
    expect((await booth.command({ type: 'settings.update', boothMayEditNotes: true })).status).toBe(403);

    const { socket: control } = await connect(server.tokens.control);
    const { socket: boothSocket } = await connect(server.tokens.booth);
    const allowedPatch = nextEvent(boothSocket, 'state:patch', (p) => p.booth?.mayEditNotes === true);
    expect(await sendCommand(control, { type: 'settings.update', boothMayEditNotes: true })).toMatchObject({ ok: true });
    await allowedPatch;

    const accepted = await booth.command(notes);
    expect(accepted).toEqual({ status: 200, body: { ok: true, revision: before.revision + 1 + 1 } });
    const after = await booth.state();
    const item = after.agenda.sessions.flatMap((s) => s.items).find((i) => i.id === 's1-yoon');
    expect(item).toMatchObject({ boothNotes: 'Script received by mail', scriptReceived: true, durationSec: 900 });

    // And over the socket too, once allowed.
    const viaSocket = await sendCommand(boothSocket, { type: 'booth.notes', itemId: 's1-yoon', scriptReceived: false });
    expect(viaSocket).toEqual({ ok: true, revision: before.revision + 3 });
  });
});

describe('connected displays', () => {
  it('a booth says hello; the console lists it with its name and direction; it goes when it disconnects', async () => {
    const { socket: control } = await connect(server.tokens.control);
    const { socket: booth } = await connect(server.tokens.booth);

    const listed = nextDisplays(control, (ds) => ds.some((d) => d.name === 'Booth Zh'));
    booth.emit('display:hello', { view: 'booth', name: 'Booth Zh', language: 'zh', direction: 'into:zh' });
    const displays = await listed;
    const entry = displays.find((d) => d.name === 'Booth Zh');
    expect(entry).toEqual({
      id: expect.any(String),
      view: 'booth',
      name: 'Booth Zh',
      language: 'zh',
      direction: 'into:zh',
      bare: false,
      role: 'booth',
      connectedAt: expect.any(Number),
      // #19: the page it shows (its view, as it said none), its address, when it was last heard from.
      page: 'booth',
      address: expect.stringMatching(/127\.0\.0\.1/),
      lastSeen: expect.any(Number),
      named: false,
    });

    // Saying hello again updates the entry in place (same id).
    const renamed = nextDisplays(control, (ds) => ds.some((d) => d.name === 'Booth Zh 2'));
    booth.emit('display:hello', { view: 'booth', name: 'Booth Zh 2', language: 'en', direction: 'both' });
    const after = (await renamed).filter((d) => d.view === 'booth');
    expect(after).toEqual([{ ...entry, lastSeen: expect.any(Number), name: 'Booth Zh 2', language: 'en', direction: 'both' }]);

    const gone = nextDisplays(control, (ds) => !ds.some((d) => d.id === entry!.id));
    booth.close();
    expect(await gone).toEqual([]);
  });

  it('a speaker monitor opened with ?bare=1 is listed as bare: it never shows a message', async () => {
    const { socket: control } = await connect(server.tokens.control);
    const { socket: monitor } = await connect(server.tokens.view);
    const listed = nextDisplays(control, (ds) => ds.some((d) => d.view === 'speaker'));
    monitor.emit('display:hello', { view: 'speaker', language: 'en', bare: true });
    expect((await listed).filter((d) => d.view === 'speaker').map((d) => d.bare)).toEqual([true]);
    monitor.close();
  });

  it('a malformed hello is ignored (the display is not listed)', async () => {
    const { socket: control } = await connect(server.tokens.control);
    const { socket: booth } = await connect(server.tokens.booth);
    const good = nextDisplays(control, (ds) => ds.length > 0);
    // The bad hello goes first; the server handles a socket's events in order, so the good one's update comes after it.
    booth.emit('display:hello', { view: 'booth', name: 'Bad', language: 'fr', direction: 'into:zh' } as never);
    booth.emit('display:hello', { view: 'booth', name: 'Good', language: 'en' });
    expect((await good).map((d) => [d.name, d.direction])).toEqual([['Good', null]]);
  });
});
