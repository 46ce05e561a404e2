import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { NetworkInfo } from '../../shared/contract/network';
import { lanAddresses } from '../../electron/server/lan-listeners';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand } from '../helpers/socket-client';

const started: StartedServer[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
});

/** A LAN address of this machine: connecting to it is what a tablet on the venue network does. */
const LAN = lanAddresses()[0];
const NO_LAN = 'this machine has no non-loopback IPv4 address, so no connection from "the LAN" can be made';

type Body = Partial<NetworkInfo> & { error?: { code: string; path: string; message: string } };

async function switchLan(server: StartedServer, token: string | null, body: unknown): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${server.url}/api/v1/network/lan`, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

async function network(server: StartedServer, token: string | null): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${server.url}/api/v1/network`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Body };
}

const lanUrl = (server: StartedServer) => `http://${LAN!}:${server.port}`;

describe.skipIf(LAN === undefined)(`LAN mode switched from the console (skipped when ${NO_LAN})`, () => {
  it('refuses LAN connections while off, accepts them once on, and drops and refuses them again when off', async () => {
    const server = await startServer();
    started.push(server);
    const local = await connectSocket(server.url, server.tokens.control);
    let localDropped = false;
    local.socket.on('disconnect', () => (localDropped = true));

    await expect(connectSocket(lanUrl(server), server.tokens.view)).rejects.toThrow();
    await expect(fetch(`${lanUrl(server)}/api/v1/health`)).rejects.toThrow();
    expect((await network(server, server.tokens.control)).body.lan).toMatchObject({ on: false, locked: false, addresses: [] });

    const on = await switchLan(server, server.tokens.control, { on: true });
    expect(on.status).toBe(200);
    expect(on.body.lan).toMatchObject({ on: true, locked: false, failures: [] });
    expect(on.body.lan?.addresses).toContain(LAN);
    // The links the console shows carry each view's token, on the LAN address.
    expect(on.body.links?.speaker).toContain(`${lanUrl(server)}/speaker?token=${server.tokens.view}`);
    expect(on.body.links?.booth).toContain(`${lanUrl(server)}/booth?token=${server.tokens.booth}`);

    // The same port on the LAN address: a view token connects; from there even reads need one.
    const remote = await connectSocket(lanUrl(server), server.tokens.view);
    expect(remote.snapshot.agenda.sessions.length).toBeGreaterThan(0);
    await expect(connectSocket(lanUrl(server))).rejects.toThrow(/token is required/);
    const health = await fetch(`${lanUrl(server)}/api/v1/health`);
    expect(health.status).toBe(200);
    const page = await fetch(`${lanUrl(server)}/speaker`);
    expect(page.status).toBe(200);
    expect((await fetch(`${lanUrl(server)}/api/v1/state`)).status).toBe(401);

    const remoteGone = new Promise<string>((r) => remote.socket.once('disconnect', (reason) => r(reason)));
    const off = await switchLan(server, server.tokens.control, { on: false });
    expect(off.status).toBe(200);
    expect(off.body.lan).toMatchObject({ on: false, addresses: [] });
    expect(off.body.links?.speaker).toEqual([]);
    // With LAN mode off, the links on this computer are still there, one per view.
    expect(off.body.localLinks).toEqual({
      moderator: `http://127.0.0.1:${server.port}/moderator?token=${server.tokens.control}`,
      speaker: `http://127.0.0.1:${server.port}/speaker?token=${server.tokens.view}`,
      booth: `http://127.0.0.1:${server.port}/booth?token=${server.tokens.booth}`,
    });
    expect(await remoteGone).toBe('transport close');
    await expect(connectSocket(lanUrl(server), server.tokens.view)).rejects.toThrow();

    // The console on loopback never noticed.
    expect(localDropped).toBe(false);
    expect(await sendCommand(local.socket, { type: 'message.speaker', text: 'still here' })).toMatchObject({ ok: true });
    local.socket.close();
  });

  it('is for the control role only, and names a bad body', async () => {
    const server = await startServer();
    started.push(server);
    for (const token of [server.tokens.booth, server.tokens.view]) {
      const refused = await switchLan(server, token, { on: true });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('forbidden');
      expect((await network(server, token)).status).toBe(403);
    }
    expect((await switchLan(server, null, { on: true })).status).toBe(401);
    expect((await switchLan(server, 'not-a-token', { on: true })).status).toBe(401);
    expect((await network(server, null)).status).toBe(401);
    const bad = await switchLan(server, server.tokens.control, { on: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid', path: 'on' });
    const extra = await switchLan(server, server.tokens.control, { on: true, port: 80 });
    expect(extra.body.error).toMatchObject({ code: 'invalid', path: 'port' });
    // None of the refusals switched anything on.
    expect((await network(server, server.tokens.control)).body.lan?.on).toBe(false);
    await expect(connectSocket(lanUrl(server), server.tokens.view)).rejects.toThrow();
  });

  it('stays on across a restart (kept in the settings)', async () => {
    const first = await startServer();
    expect((await switchLan(first, first.tokens.control, { on: true })).status).toBe(200);
    await first.stop();
    const second = await first.restart();
    started.push(second);
    expect(second.output()).toContain(`LAN mode is on (switched on from the console): also reachable on ${LAN!}`);
    expect((await network(second, second.tokens.control)).body.lan).toMatchObject({ on: true });
    const remote = await connectSocket(lanUrl(second), second.tokens.view);
    remote.socket.close();

    // Switched off, it stays off after the next restart.
    expect((await switchLan(second, second.tokens.control, { on: false })).status).toBe(200);
    await second.stop();
    started.splice(0);
    const third = await second.restart();
    started.push(third);
    expect((await network(third, third.tokens.control)).body.lan).toMatchObject({ on: false });
    await expect(connectSocket(lanUrl(third), third.tokens.view)).rejects.toThrow();
  });

  it('names the address it could not listen on', async () => {
    const server = await startServer();
    started.push(server);
    // Something else holds the port on the LAN address.
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(server.port, LAN, () => r()));
    try {
      const on = await switchLan(server, server.tokens.control, { on: true });
      expect(on.status).toBe(200);
      expect(on.body.lan?.failures).toEqual([{ address: LAN, message: `port ${server.port} is already in use there` }]);
      expect(on.body.lan?.addresses).not.toContain(LAN);
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  });

  it('is locked on when started with --host 0.0.0.0', async () => {
    const server = await startServer({ args: ['--host', '0.0.0.0'] });
    started.push(server);
    const info = await network(server, server.tokens.control);
    expect(info.body.lan).toMatchObject({ on: true, locked: true });
    expect(info.body.lan?.addresses).toContain(LAN);
    const refused = await switchLan(server, server.tokens.control, { on: false });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid', path: 'on' });
    expect(refused.body.error?.message).toMatch(/--host 0\.0\.0\.0/);
  });
});
