import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand } from '../helpers/socket-client';

const started: StartedServer[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
});

async function rotate(server: StartedServer, token: string, body: unknown) {
  const res = await fetch(`${server.url}/api/v1/tokens/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; path: string } } };
}

describe('token rotation (POST /api/v1/tokens/rotate)', () => {
  it('gives the role a new token, returns its links, and disconnects the clients that used the old one', async () => {
    const server = await startServer();
    started.push(server);
    const booth = await connectSocket(server.url, server.tokens.booth);
    const viewer = await connectSocket(server.url, server.tokens.view);
    const control = await connectSocket(server.url, server.tokens.control);
    const boothGone = new Promise<string>((r) => booth.socket.once('disconnect', (reason) => r(reason)));
    let viewerGone = false;
    viewer.socket.once('disconnect', () => (viewerGone = true));

    const res = await rotate(server, server.tokens.control, { role: 'booth' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, role: 'booth', disconnected: 1 });
    const link = (res.body['links'] as Record<string, string>)['booth']!;
    expect(link).toMatch(new RegExp(`^${server.url}/booth\\?token=`));
    const fresh = new URL(link).searchParams.get('token')!;
    expect(fresh).not.toBe(server.tokens.booth);
    expect(await boothGone).toBe('io server disconnect');

    // The old token no longer connects nor works over HTTP; the new one does.
    await expect(connectSocket(server.url, server.tokens.booth)).rejects.toThrow(/token is not valid/);
    const old = await fetch(`${server.url}/api/v1/state`, { headers: { authorization: `Bearer ${server.tokens.booth}` } });
    expect(old.status).toBe(401);
    const again = await connectSocket(server.url, fresh);
    expect(await sendCommand(again.socket, { type: 'booth.request', booth: 'EN', kind: 'slow-down' } as never)).toMatchObject({ ok: true });
    again.socket.close();

    // Other roles stay connected and keep working.
    expect(viewerGone).toBe(false);
    expect(await sendCommand(control.socket, { type: 'message.speaker', text: 'still here' })).toMatchObject({ ok: true });
    for (const s of [viewer.socket, control.socket]) s.close();
  });

  it('is for the control role only, and names a bad role', async () => {
    const server = await startServer();
    started.push(server);
    expect((await rotate(server, server.tokens.booth, { role: 'view' })).body.error?.code).toBe('forbidden');
    expect((await rotate(server, server.tokens.view, { role: 'view' })).status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/v1/tokens/rotate`, { method: 'POST', body: '{"role":"view"}' });
    expect(anonymous.status).toBe(401);
    const bad = await rotate(server, server.tokens.control, { role: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid', path: 'role' });
    // Nothing was rotated by the refusals.
    expect((await fetch(`${server.url}/api/v1/state`, { headers: { authorization: `Bearer ${server.tokens.view}` } })).status).toBe(200);
  });

  it('keeps the new token across a restart (saved in the settings)', async () => {
    const first = await startServer({ tokens: null });
    const res = await rotate(first, first.tokens.control, { role: 'view' });
    const fresh = new URL((res.body['links'] as Record<string, string>)['speaker']!).searchParams.get('token')!;
    await first.stop();
    const second = await startServer({ tokens: null, dataDir: first.dataDir, port: first.port });
    started.push(second);
    expect(second.tokens.view).toBe(fresh);
    expect(second.tokens.control).toBe(first.tokens.control);
    const { socket } = await connectSocket(second.url, fresh);
    socket.close();
  });
});
