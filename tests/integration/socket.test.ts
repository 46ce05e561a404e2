import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/state';
import { applyPatch } from '../../shared/contract/state-sync';
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

describe('socket.io contract', () => {
  it('sends a snapshot on connect and a patch with the next revision after a change', async () => {
    const { socket, snapshot } = await connect();
    const patch = nextEvent(socket, 'state:patch');
    const ack = await apiClient(server.url, server.tokens.control).command({ type: 'message.speaker', text: 'Please wrap up' });
    expect(ack.status).toBe(200);
    const p = await patch;
    expect(p.revision).toBe(snapshot.revision + 1);
    expect(p.messages?.speaker).toMatchObject({ text: 'Please wrap up', flash: false });
    // Only what changed travels: a message does not resend the agenda.
    expect(p.agenda).toBeUndefined();
  });

  it('lets a socket without a token receive, but not command', async () => {
    const { socket, snapshot } = await connect();
    expect(snapshot.agenda.sessions.length).toBeGreaterThan(0);
    const ack = await sendCommand(socket, { type: 'start' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses the handshake of an unknown token', async () => {
    await expect(connectSocket(server.url, 'wrong-token-123')).rejects.toThrow(/unauthorized/);
  });

  it('acknowledges a control command and refuses booth and view roles', async () => {
    const { socket: control, snapshot } = await connect(server.tokens.control);
    const ok = await sendCommand(control, { type: 'message.booth', text: 'Speaker changes to English next' });
    expect(ok).toEqual({ ok: true, revision: expect.any(Number) });
    for (const token of [server.tokens.booth, server.tokens.view]) {
      const { socket } = await connect(token);
      const refused = await sendCommand(socket, { type: 'start', expectedItemId: snapshot.clock.currentItemId! });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('names the field of a malformed socket command', async () => {
    const { socket } = await connect(server.tokens.control);
    const ack = await sendCommand(socket, { type: 'adjust', seconds: Number.NaN });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', path: 'seconds' } });
    const proto = await sendCommand(socket, JSON.parse('{"type":"start","__proto__":{"polluted":true}}'));
    expect(proto).toMatchObject({ ok: false, error: { code: 'invalid', path: '__proto__' } });
  });

  it('refuses the second of two next presses carrying the same expected item (409)', async () => {
    const { socket, snapshot } = await connect(server.tokens.control);
    const current = snapshot.clock.currentItemId!;
    const [a, b] = await Promise.all([
      sendCommand(socket, { type: 'next', expectedItemId: current }),
      sendCommand(socket, { type: 'next', expectedItemId: current }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({ ok: false, error: { code: 'stale-item', path: 'expectedItemId' } });
    const after = await apiClient(server.url).state();
    const ids = after.agenda.sessions.flatMap((s) => s.items.map((i) => i.id));
    expect(ids.indexOf(after.clock.currentItemId!)).toBe(ids.indexOf(current) + 1);
  });

  it('recovers from a missed patch by asking for a snapshot', async () => {
    const { socket, snapshot } = await connect();
    let local: Snapshot | null = snapshot;
    let dropped = 0;
    const resynced = new Promise<Snapshot>((resolve) => {
      socket.on('state:patch', (patch) => {
        // Simulate a lost message: the first patch never reaches the client's state.
        if (dropped++ === 0) return;
        const result = applyPatch(local, patch);
        if (result.kind === 'gap') socket.emit('state:request');
        else if (result.kind === 'applied') local = result.snapshot;
      });
      socket.on('state:snapshot', resolve);
    });
    const control = apiClient(server.url, server.tokens.control);
    await control.command({ type: 'message.speaker', text: 'one' });
    await control.command({ type: 'message.speaker', text: 'two' });
    const fresh = await resynced;
    expect(fresh.revision).toBe(snapshot.revision + 2);
    expect(fresh.messages.speaker?.text).toBe('two');
  });

  it('answers time pings with the server clock', async () => {
    const { socket } = await connect();
    const sent = Date.now();
    const pong = await new Promise<{ clientSentAt: number; serverTime: number }>((r) => socket.emit('time:ping', sent, r));
    expect(pong.clientSentAt).toBe(sent);
    expect(Math.abs(pong.serverTime - Date.now())).toBeLessThan(1000);
  });
});
