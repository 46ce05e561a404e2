import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAck } from '../../shared/contract/commands';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * The long-polling fallback (renderer/app/connection.ts) still works, and a flood in one polling
 * payload is taken a few packets at a time (electron/server/fair-polling.ts): every packet is
 * answered, in order, the excess refused as rate-limited, while other clients are served. How
 * long others wait is measured in the bench (`npm run bench -- flood`), not here.
 */
describe('long-polling', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('connects, sends a command and receives its patch over polling alone', async () => {
    const socket: TestSocket = io(server.url, { transports: ['polling'], upgrade: false, reconnection: false, forceNew: true, auth: { token: server.tokens.control } });
    const snapshot = await new Promise<{ revision: number }>((r) => socket.once('state:snapshot', r));
    const patch = new Promise<{ revision: number }>((r) => socket.once('state:patch', r));
    const ack = await sendCommand(socket, { type: 'message.booth', text: 'Over polling' });
    expect(ack).toEqual({ ok: true, revision: snapshot.revision + 1 });
    expect((await patch).revision).toBe(snapshot.revision + 1);
    socket.close();
  });

  it('answers every packet of a 5,000-packet payload, in order, and serves another client meanwhile', async () => {
    const base = `${server.url}/socket.io/?EIO=4&transport=polling`;
    const sid = /"sid":"([^"]+)"/.exec(await (await fetch(base)).text())![1]!;
    const url = `${base}&sid=${sid}`;
    await fetch(url, { method: 'POST', body: `40${JSON.stringify({ token: server.tokens.control })}` });
    expect(await (await fetch(url)).text()).toMatch(/^40/);

    const count = 5_000;
    const payload = Array.from({ length: count }, (_, i) => `42${i}["time:ping",${i}]`).join('\x1e');
    const posted = await fetch(url, { method: 'POST', body: payload });
    expect(posted.status).toBe(200);

    // Another client, on a websocket, is answered while the flood is being worked through.
    const { socket: other } = await connectSocket(server.url, server.tokens.control);
    const otherAck: CommandAck = await sendCommand(other, { type: 'message.speaker', text: 'Still served' });
    expect(otherAck.ok).toBe(true);
    other.close();

    const acks: { id: number; body: { clientSentAt?: number; error?: { code: string; message: string } } }[] = [];
    while (acks.length < count) {
      const text = await (await fetch(url)).text();
      for (const packet of text.split('\x1e')) {
        const m = /^43(\d+)\[(.*)\]$/s.exec(packet);
        if (m) acks.push({ id: Number(m[1]), body: JSON.parse(m[2]!) as (typeof acks)[number]['body'] });
      }
    }
    const answered = acks.filter((a) => a.body.clientSentAt !== undefined);
    const limited = acks.filter((a) => a.body.error?.code === 'rate-limited');
    expect(answered.length + limited.length).toBe(count);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.error!.message).toMatch(/too many messages: at most \d+ a second on one connection/);
    // Those within the limit ran in the order sent.
    expect(answered.map((a) => a.id)).toEqual([...answered.map((a) => a.id)].sort((a, b) => a - b));
    expect(answered.every((a) => a.body.clientSentAt === a.id)).toBe(true);
  });
});
