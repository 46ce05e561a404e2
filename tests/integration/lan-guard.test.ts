import { request } from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand } from '../helpers/socket-client';

/** node:http, since fetch will not let a test forge Host. */
function raw(
  server: StartedServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; json: { error?: { code: string; message: string; path: string } } & Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        let json: object;
        try {
          json = JSON.parse(text) as object;
        } catch {
          json = { text };
        }
        resolve({ status: res.statusCode ?? 0, json: json as never });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves with the connect error's message, or 'connected'. */
function trySocket(server: StartedServer, headers: Record<string, string>, token?: string, transport: 'websocket' | 'polling' = 'websocket'): Promise<string> {
  const socket = io(server.url, {
    transports: [transport],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    ...(token ? { auth: { token } } : {}),
  });
  return new Promise((resolve) => {
    socket.once('state:snapshot', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (e) => {
      socket.close();
      resolve(`refused: ${e.message} ${JSON.stringify((e as { context?: unknown }).context ?? '')}`);
    });
  });
}

describe('Host allow-list and Origin checks', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--allowed-hosts', 'rostrum.test,booth.example:9999'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const command = (_s: StartedServer) => JSON.stringify({ type: 'message.speaker', text: 'hello' });

  it('serves loopback names with our port, and the allowed names', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`, `rostrum.test:${server.port}`, 'booth.example:9999']) {
      const res = await raw(server, 'GET', '/api/v1/state', { host });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses a rebound name, another port, and a missing Host with a 403 that names the host', async () => {
    for (const host of [`evil.test:${server.port}`, 'localhost:1', `booth.example:${server.port}`, `127.0.0.1.evil.test:${server.port}`]) {
      const res = await raw(server, 'GET', '/api/v1/state', { host });
      expect(res.status, host).toBe(403);
      expect(res.json.error).toMatchObject({ code: 'forbidden', path: '' });
      expect(res.json.error?.message).toContain(host);
      const view = await raw(server, 'GET', '/speaker', { host });
      expect(view.status, `view through ${host}`).toBe(403);
    }
  });

  it('lets same-origin pages and clients without Origin send commands, but not another origin', async () => {
    const auth = { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' };
    const host = `127.0.0.1:${server.port}`;
    expect((await raw(server, 'POST', '/api/v1/commands', { ...auth, host }, command(server))).status).toBe(200);
    expect((await raw(server, 'POST', '/api/v1/commands', { ...auth, host, origin: `http://${host}` }, command(server))).status).toBe(200);
    expect((await raw(server, 'POST', '/api/v1/commands', { ...auth, host, origin: `http://localhost:${server.port}` }, command(server))).status).toBe(200);
    const before = (await raw(server, 'GET', '/api/v1/state', { host })).json['revision'];
    for (const origin of ['http://evil.test', `http://evil.test:${server.port}`, 'null', `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port + 1}`]) {
      const res = await raw(server, 'POST', '/api/v1/commands', { ...auth, host, origin }, command(server));
      expect(res.status, origin).toBe(403);
      expect(res.json.error?.code).toBe('forbidden');
      expect(res.json.error?.message).toContain(origin);
    }
    expect((await raw(server, 'GET', '/api/v1/state', { host })).json['revision']).toBe(before);
  });

  it('refuses reads from another origin (a cross-origin fetch carries Origin)', async () => {
    const res = await raw(server, 'GET', '/api/v1/state', { host: `127.0.0.1:${server.port}`, origin: 'http://evil.test' });
    expect(res.status).toBe(403);
    expect(res.json.error?.message).toContain('http://evil.test');
  });

  it('checks the socket.io handshake the same way (websocket and polling)', async () => {
    expect(await trySocket(server, {}, server.tokens.control)).toBe('connected');
    expect(await trySocket(server, { origin: server.url }, server.tokens.control)).toBe('connected');
    expect(await trySocket(server, { origin: `http://rostrum.test:${server.port}` }, server.tokens.control)).toBe('connected');
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await trySocket(server, { origin: 'http://evil.test' }, server.tokens.control, transport)).toMatch(/^refused/);
    }
    const polled = await trySocket(server, { origin: 'http://evil.test' }, undefined, 'polling');
    expect(polled).toContain('evil.test');
  });
});

describe('trusted addresses', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--trusted-addresses', 'none'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('with --trusted-addresses none, reads need at least a view token', async () => {
    const host = { host: `127.0.0.1:${server.port}` };
    const anonymous = await raw(server, 'GET', '/api/v1/state', host);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error?.code).toBe('unauthorized');
    expect((await raw(server, 'GET', '/api/v1/state', { ...host, authorization: `Bearer ${server.tokens.view}` })).status).toBe(200);
    expect((await raw(server, 'GET', '/api/v1/state', { ...host, authorization: 'Bearer not-a-token-at-all' })).status).toBe(401);
    expect((await raw(server, 'GET', '/api/v1/report', host)).status).toBe(401);
    expect((await raw(server, 'GET', `/api/v1/report?token=${server.tokens.view}`, host)).status).not.toBe(401);
  });

  it('with --trusted-addresses none, a socket without a token is refused; a view token connects', async () => {
    await expect(connectSocket(server.url)).rejects.toThrow(/token is required/);
    const { socket, snapshot } = await connectSocket(server.url, server.tokens.view);
    expect(snapshot.revision).toBeGreaterThanOrEqual(0);
    socket.close();
  });

  it('by default, loopback reads without a token', async () => {
    const local = await startServer();
    try {
      expect((await raw(local, 'GET', '/api/v1/state', { host: `127.0.0.1:${local.port}` })).status).toBe(200);
      const { socket } = await connectSocket(local.url);
      socket.close();
    } finally {
      await local.stop();
    }
  });
});

describe('rate limiting', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--rate-limit', '20'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a flood on one connection with rate-limited acks, and spares another connection', async () => {
    const flooder = await connectSocket(server.url, server.tokens.control);
    const acks = await Promise.all(Array.from({ length: 200 }, () => sendCommand(flooder.socket, { type: 'message.speaker', text: 'flood' })));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate-limited');
    expect(limited.length).toBeGreaterThan(100);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(40);
    const other = await connectSocket(server.url, server.tokens.control);
    expect(await sendCommand(other.socket, { type: 'message.speaker', text: 'still here' })).toMatchObject({ ok: true });
    flooder.socket.close();
    other.socket.close();
  });

  it('refuses a flood of HTTP requests from one address with 429', async () => {
    const statuses = await Promise.all(Array.from({ length: 120 }, () => fetch(`${server.url}/api/v1/health`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(40);
  });
});
