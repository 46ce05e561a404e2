import { execFile, spawnSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { OscBody, OscStatus } from '../../shared/contract/osc';
import { lanAddresses } from '../../electron/server/lan-listeners';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * OSC as a console setting (docs/api.md "OSC settings"): switched on, moved, filtered and off at
 * runtime through `/api/v1/network/osc`, driven by `oscsend` from Debian's liblo-tools.
 */

const run = promisify(execFile);
const HAS_OSCSEND = spawnSync('oscsend', [], { stdio: 'ignore' }).error === undefined;
const LAN = lanAddresses()[0];

const started: StartedServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of started.splice(0)) await s.stop();
});

type Body = Partial<OscStatus> & { error?: { code: string; path: string; message: string } };

async function osc(server: StartedServer, token: string | null, body?: OscBody | Record<string, unknown>): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${server.url}/api/v1/network/osc`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const control = (server: StartedServer, body?: OscBody | Record<string, unknown>) => osc(server, server.tokens.control, body);

async function lan(server: StartedServer, on: boolean): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/network/lan`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
    body: JSON.stringify({ on }),
  });
  expect(res.status).toBe(200);
}

/** A UDP socket of our own on 127.0.0.1 (port 0: any free one). */
async function udp(port = 0): Promise<{ socket: Socket; port: number; next(): Promise<Buffer> }> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve());
  });
  return { socket, port: socket.address().port, next: () => new Promise((r) => socket.once('message', (m: Buffer) => r(m))) };
}

/** A UDP port free right now. */
async function freePort(): Promise<number> {
  const { socket, port } = await udp();
  await new Promise<void>((r) => socket.close(() => r()));
  sockets.splice(sockets.indexOf(socket), 1);
  return port;
}

const oscsend = (host: string, port: number, address: string, ...rest: string[]) => run('oscsend', [host, String(port), address, ...rest], { timeout: 5000 });
const clockOf = async (server: StartedServer) => (await apiClient(server.url, server.tokens.control).state()).clock;

describe('OSC settings route', () => {
  it('is for the control role only, and names the bad field', async () => {
    const server = await startServer();
    started.push(server);
    expect((await osc(server, null)).status).toBe(401);
    expect((await osc(server, 'not-a-token-at-all')).status).toBe(401);
    for (const token of [server.tokens.booth, server.tokens.view]) {
      expect((await osc(server, token)).status).toBe(403);
      const post = await osc(server, token, { on: true });
      expect(post.status).toBe(403);
      expect(post.body.error?.message).toMatch(/may not change the OSC settings/);
    }
    const off = await control(server);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ settings: { on: false, port: 8000, allow: [], feedback: null }, listening: null, lan: false, error: null });

    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ port: 0 }, 'port', /port: must be a UDP port from 1 to 65535/],
      [{ port: 70000 }, 'port', /port: must be a UDP port/],
      [{ port: 8000.5 }, 'port', /port: must be a whole number/],
      [{ allow: ['192.168.1.20', 'desk'] }, 'allow.1', /allow\.1: must be an IP address/],
      [{ feedback: 'localhost' }, 'feedback', /feedback: must be host:port/],
      [{ on: 'yes' }, 'on', /^on:/],
      [{ colour: 'red' }, 'colour', /unknown field "colour"/],
    ];
    for (const [body, path, message] of bad) {
      const answer = await control(server, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'invalid', path });
      expect(answer.body.error?.message).toMatch(message);
    }
  });
});

describe.skipIf(!HAS_OSCSEND)('OSC switched from the console', () => {
  it('switches on, takes commands, moves to another port, switches off, and comes back after a restart', async () => {
    const server = await startServer();
    started.push(server);
    const port = await freePort();
    const on = await control(server, { on: true, port });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ settings: { on: true, port }, listening: `127.0.0.1:${port}`, lan: false, error: null });
    await oscsend('127.0.0.1', port, '/rostrum/start');
    await expect.poll(async () => (await clockOf(server)).status).toBe('running');

    // Another port: the old one is released (we can take it), the new one answers.
    const moved = await freePort();
    expect((await control(server, { port: moved })).body).toMatchObject({ listening: `127.0.0.1:${moved}` });
    const old = await udp(port);
    const stray = old.next();
    await oscsend('127.0.0.1', port, '/rostrum/pause');
    await stray; // the packet reached our socket, not Rostrum
    await oscsend('127.0.0.1', moved, '/rostrum/pause');
    await expect.poll(async () => (await clockOf(server)).status).toBe('paused');

    // Off: the port is free again, and packets to it reach whoever holds it, not Rostrum.
    const offAnswer = await control(server, { on: false });
    expect(offAnswer.body).toMatchObject({ settings: { on: false, port: moved }, listening: null });
    const taken = await udp(moved);
    const ignored = taken.next();
    await oscsend('127.0.0.1', moved, '/rostrum/start');
    await ignored;
    expect((await clockOf(server)).status).toBe('paused');
    taken.socket.close();
    sockets.splice(sockets.indexOf(taken.socket), 1);

    // Kept in settings.json: on again, then restarted, it listens where it was set.
    await control(server, { on: true, feedback: '127.0.0.1:9' });
    await server.stop();
    started.splice(0);
    const again = await server.restart();
    started.push(again);
    expect(again.output()).toContain(`osc in     udp://127.0.0.1:${moved}`);
    expect(again.output()).toContain('osc out    udp://127.0.0.1:9');
    expect((await control(again)).body).toMatchObject({ settings: { on: true, port: moved, allow: [], feedback: '127.0.0.1:9' }, listening: `127.0.0.1:${moved}` });
    await oscsend('127.0.0.1', moved, '/rostrum/toggle');
    await expect.poll(async () => (await clockOf(again)).status).toBe('running');
  });

  it('says which port cannot be bound, and keeps listening where it was', async () => {
    const server = await startServer();
    started.push(server);
    const port = await freePort();
    await control(server, { on: true, port });
    const busy = await udp();
    const refused = await control(server, { port: busy.port });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid', path: 'port' });
    expect(refused.body.error?.message).toContain(`UDP port ${busy.port}`);
    expect(refused.body.error?.message).toContain('already in use');
    expect((await control(server)).body).toMatchObject({ settings: { port }, listening: `127.0.0.1:${port}`, error: null });
    await oscsend('127.0.0.1', port, '/rostrum/start');
    await expect.poll(async () => (await clockOf(server)).status).toBe('running');
  });

  it('follows LAN mode: all interfaces with the allow list enforced, loopback again when off', async () => {
    const server = await startServer();
    started.push(server);
    const port = await freePort();
    await control(server, { on: true, port, allow: ['127.0.0.5'] });
    await lan(server, true);
    expect((await control(server)).body).toMatchObject({ listening: `0.0.0.0:${port}`, lan: true, settings: { allow: ['127.0.0.5'] } });
    // 127.0.0.1 is not on the list: ignored, and the log says so.
    await oscsend('127.0.0.1', port, '/rostrum/start');
    await expect.poll(() => server.output()).toContain('OSC: sender not allowed: ignored a packet from 127.0.0.1');
    expect((await clockOf(server)).status).toBe('idle');

    if (LAN !== undefined) {
      // Sent to this machine's LAN address, the packet comes from it: on the list, it acts.
      await control(server, { allow: ['127.0.0.5', LAN] });
      await oscsend(LAN, port, '/rostrum/start');
      await expect.poll(async () => (await clockOf(server)).status).toBe('running');
    }

    await lan(server, false);
    expect((await control(server)).body).toMatchObject({ listening: `127.0.0.1:${port}`, lan: false });
  });

  it('keeps flags first: fixed settings are shown as from the command line and cannot be changed', async () => {
    const server = await startServer({ args: ['--osc-port', '0', '--osc-allow', '127.0.0.1'] });
    started.push(server);
    const status = (await control(server)).body;
    expect(status).toMatchObject({ settings: { on: true, allow: ['127.0.0.1'] }, fromFlags: { port: true, allow: true, feedback: false } });
    const off = await control(server, { on: false });
    expect(off.status).toBe(400);
    expect(off.body.error).toMatchObject({ path: 'on' });
    expect(off.body.error?.message).toContain('--osc-port');
    const allow = await control(server, { allow: ['192.168.1.9'] });
    expect(allow.body.error).toMatchObject({ path: 'allow' });
    // The settings not given by flag still change.
    expect((await control(server, { feedback: '127.0.0.1:9' })).body).toMatchObject({ settings: { feedback: '127.0.0.1:9' } });
  });
});
