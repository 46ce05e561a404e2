import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand } from '../helpers/socket-client';

/** Issue 14 §7 against the built server: text with a NUL or an unclosed override never gets in, over HTTP or socket.io. */
let server: StartedServer;
beforeAll(async () => {
  // OSC feedback on: what gets into the state goes out over OSC, so nothing with a NUL may.
  server = await startServer({ args: ['--osc-feedback', '127.0.0.1:9'] });
});
afterAll(async () => {
  await server.stop();
});

describe('user text at the server (issue 14 §7)', () => {
  it('text-nul-in-title: an item title with a NUL is refused with 400, naming the field; nothing changes', async () => {
    const control = apiClient(server.url, server.tokens.control);
    const before = await control.state();
    const refused = await control.command({ type: 'item.update', itemId: 'open-lee', patch: { title: 'Opening\u0000remarks' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid', path: 'patch.title' });
    expect(refused.body.error?.message).toMatch(/^patch\.title: must not contain the control character U\+0000 \(NUL\)/);
    const after = await control.state();
    expect(after.revision).toBe(before.revision);
    expect(after.agenda).toEqual(before.agenda);
  });

  it('text-rlo-unclosed: a message with an unclosed right-to-left override is refused in the socket ack', async () => {
    const { socket } = await connectSocket(server.url, server.tokens.control);
    const ack = await sendCommand(socket, { type: 'message.speaker', text: '\u202EWrap up' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', path: 'text' } });
    const closed = await sendCommand(socket, { type: 'message.speaker', text: '\u202EWrap up\u202C' });
    expect(closed).toMatchObject({ ok: true });
    socket.close();
  });
});
