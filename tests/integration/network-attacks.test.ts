import { execFile, execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { Message, encode } from 'node-osc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import { lanAddresses } from '../../electron/server/lan-listeners';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, type TestSocket } from '../helpers/socket-client';

/**
 * The network attacks of the security audit (#14), replayed against the real server: each test's
 * title carries the id of its row in docs/security.md ("Attack → result"). `npm run test:soak`
 * (ROSTRUM_SOAK=1) replays them at the audit's own scale.
 */
const SOAK = process.env['ROSTRUM_SOAK'] === '1';
const LAN = lanAddresses()[0];
const run = promisify(execFile);

const open: TestSocket[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
async function connectTracked(url: string, token?: string) {
  const c = await connectSocket(url, token);
  open.push(c.socket);
  return c;
}

/** Answers once the server has handled everything this socket sent before (a socket's events run in order). */
const roundTrip = (socket: TestSocket) => new Promise<void>((resolve) => socket.emit('time:ping', 0, () => resolve()));

/** Resident memory of the server process, in MiB. */
function rssMiB(server: StartedServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe('socket.io: display presence and connection caps', () => {
  let server: StartedServer;
  beforeAll(async () => {
    // The soak replays the audit's 250 connections, so it raises the per-address cap above that.
    server = await startServer(SOAK ? { args: ['--max-connections', '300'] } : {});
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('display-hello-storm: many displays saying hello twice cost the console a few coalesced lists, and the others none', async () => {
    const count = SOAK ? 250 : 60;
    const { socket: control } = await connectTracked(server.url, server.tokens.control);
    const lists: ConnectedDisplay[][] = [];
    control.on('displays:update', (displays) => lists.push(displays));
    await roundTrip(control);
    const initial = lists.length;

    const receivedByDisplays = { count: 0 };
    const displays = await Promise.all(Array.from({ length: count }, () => connectTracked(server.url)));
    for (const { socket } of displays) socket.on('displays:update', () => (receivedByDisplays.count += 1));
    const everyone = new Promise<ConnectedDisplay[]>((resolve) => {
      control.on('displays:update', (ds) => {
        if (ds.length === count) resolve(ds);
      });
    });
    const started = performance.now();
    displays.forEach(({ socket }, i) => {
      const hello = { view: 'speaker' as const, name: `Screen ${i}`, language: 'en' as const };
      socket.emit('display:hello', hello);
      socket.emit('display:hello', hello); // unchanged: ignored
    });
    // The last state is always delivered: every display, each once.
    const complete = await everyone;
    const elapsed = performance.now() - started;
    expect(new Set(complete.map((d) => d.name)).size).toBe(count);
    expect(complete.every((d) => d.role === null && d.view === 'speaker')).toBe(true);
    // At most two lists a second (plus the one sent at once), instead of one per hello.
    const sent = lists.length - initial;
    expect(sent).toBeLessThanOrEqual(Math.ceil(elapsed / 500) + 1);
    await Promise.all(displays.map(({ socket }) => roundTrip(socket)));
    expect(receivedByDisplays.count).toBe(0);
    if (SOAK) expect(rssMiB(server)).toBeLessThan(300);

    const gone = new Promise<void>((resolve) => control.on('displays:update', (ds) => ds.length === 0 && resolve()));
    for (const { socket } of displays) socket.close();
    await gone;
  });

  it('display-list-leak: only the control role learns which displays are connected', async () => {
    const { socket: control } = await connectTracked(server.url, server.tokens.control);
    const others = await Promise.all([connectTracked(server.url), connectTracked(server.url, server.tokens.view), connectTracked(server.url, server.tokens.booth)]);
    const leaked: string[] = [];
    for (const [i, { socket }] of others.entries()) socket.on('displays:update', () => leaked.push(['no token', 'view', 'booth'][i]!));
    const listed = new Promise<ConnectedDisplay[]>((resolve) => control.on('displays:update', (ds) => ds.some((d) => d.name === 'Booth Leak') && resolve(ds)));
    others[2]!.socket.emit('display:hello', { view: 'booth', name: 'Booth Leak', language: 'en', direction: 'both' });
    expect((await listed).find((d) => d.name === 'Booth Leak')).toMatchObject({ role: 'booth', direction: 'both' });
    // The list went out before these answers: anything sent to the others has arrived by now.
    await Promise.all(others.map(({ socket }) => roundTrip(socket)));
    expect(leaked).toEqual([]);
  });
});

describe('socket.io: connections per address and per token', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--max-connections', '4', ...(LAN ? ['--host', '0.0.0.0'] : [])] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('socket-connection-cap: a fifth connection from one address is refused, naming the cap; a place frees when one closes', async () => {
    const first = await Promise.all(Array.from({ length: 4 }, () => connectTracked(server.url)));
    const refused = await connectSocket(server.url).then(
      () => 'connected',
      (error: Error & { data?: { code?: string } }) => `${error.data?.code ?? ''}: ${error.message}`,
    );
    expect(refused).toBe('rate-limited: too many connections from 127.0.0.1: at most 4 at once');
    first[0]!.socket.close();
    await expect.poll(() => connectSocket(server.url).then(({ socket }) => (open.push(socket), 'connected'), () => 'refused')).toBe('connected');
  });

  it.skipIf(LAN === undefined)('socket-connection-cap: a token holds at most its cap of connections, from any address', async () => {
    const lanUrl = `http://${LAN!}:${server.port}`;
    await Promise.all([1, 2].map(() => connectTracked(server.url, server.tokens.view)));
    await Promise.all([1, 2].map(() => connectTracked(lanUrl, server.tokens.view)));
    await expect(connectSocket(lanUrl, server.tokens.view)).rejects.toThrow('too many connections with this token: at most 4 at once');
    // Another token from the same address still connects.
    await connectTracked(lanUrl, server.tokens.booth);
  });
});

/** One raw HTTP exchange, for headers fetch would not send (Sec-Fetch-*) or forge. */
async function get(server: StartedServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}

describe('HTTP API budgets', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--rate-limit', '20'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('api-cross-site-drain: requests a browser marks cross-site or same-site are refused before they count, so trigger presses still work', async () => {
    const flood = SOAK ? 1202 : 300;
    const statuses = await Promise.all(
      Array.from({ length: flood }, (_, i) => get(server, '/api/v1/trigger/adjust/1', { 'sec-fetch-site': i % 2 === 0 ? 'cross-site' : 'same-site', 'sec-fetch-mode': 'no-cors' })),
    );
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set([403]));
    expect(JSON.parse(statuses[0]!.body)).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('Sec-Fetch-Site: cross-site') } });
    // The shared per-address budget is untouched: a client without a token still gets through.
    expect((await get(server, '/api/v1/health')).status).toBe(200);
    // Rostrum's own pages (same-origin) and links opened in the address bar (none) pass.
    expect((await get(server, '/api/v1/health', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get(server, '/api/v1/health', { 'sec-fetch-site': 'none' })).status).toBe(200);
    const presses = SOAK ? 20 : 10;
    for (let i = 0; i < presses; i += 1) expect((await get(server, `/api/v1/trigger/adjust/1?token=${server.tokens.control}`)).status).toBe(200);
  });
});

describe('HTTP API budgets per token', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--rate-limit', '20'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('api-budget-per-token: a token-less flood from this address gets 429 with Retry-After; Companion presses with a token, sent meanwhile, have their own budget', async () => {
    // All at once: without a budget per token, the 30 presses would share the flood's 40.
    const [flood, presses] = await Promise.all([
      Promise.all(Array.from({ length: 150 }, () => get(server, '/api/v1/health'))),
      Promise.all(Array.from({ length: 30 }, () => get(server, `/api/v1/trigger/adjust/1?token=${server.tokens.control}`))),
    ]);
    const limited = flood.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(new Set(limited.map((r) => r.retryAfter))).toEqual(new Set(['1']));
    expect(presses.map((r) => r.status)).toEqual(presses.map(() => 200));
    expect((await apiClient(server.url, server.tokens.control).state()).clock.addedMs).toBe(30_000);
  });
});

/** Sends the head of a request and resolves with the status line of the answer (or 'timeout'). */
function statusOfHead(server: StartedServer, head: string, waitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(head));
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, waitMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(text.slice(0, text.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
  });
}

describe('requests that name the wrong thing', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('huge-content-length: a declared body of 1e12 bytes is refused at once with 413, without sending a byte of it', async () => {
    const host = `127.0.0.1:${server.port}`;
    const head = (path: string) =>
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${server.tokens.control}\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n`;
    // Without the check the server waits for the body; 10 s is far longer than any answer takes.
    expect(await statusOfHead(server, head('/api/v1/commands'), 10_000)).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await statusOfHead(server, head('/api/v1/agenda/import?format=csv'), 10_000)).toBe('HTTP/1.1 413 Payload Too Large');
    expect((await get(server, '/api/v1/health')).status).toBe(200);
  });

  it('unknown-query-token: an unknown ?token= on /state and /health is 401 even from loopback; no token at all still reads', async () => {
    for (const path of ['/api/v1/state', '/api/v1/health']) {
      const wrong = await get(server, `${path}?token=not-a-valid-token`);
      expect(wrong.status, path).toBe(401);
      expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'unauthorized', message: 'the token is not valid' } });
      expect((await get(server, path)).status, path).toBe(200);
      expect((await get(server, `${path}?token=${server.tokens.view}`)).status, path).toBe(200);
    }
  });

  it('socket-handshake-status: a refused socket.io handshake is 403 forbidden over websocket and polling alike', async () => {
    const origin = 'http://evil.test';
    const polling = await get(server, '/socket.io/?EIO=4&transport=polling', { origin });
    expect(polling.status).toBe(403);
    expect(JSON.parse(polling.body)).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining(origin) } });
    const upgrade = await statusOfHead(
      server,
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      10_000,
    );
    expect(upgrade).toBe('HTTP/1.1 403 Forbidden');
    // A hostile page's no-cors polling request carries no Origin, but the browser marks it.
    const marked = await get(server, '/socket.io/?EIO=4&transport=polling', { 'sec-fetch-site': 'same-site' });
    expect(marked.status).toBe(403);
    expect((await get(server, '/socket.io/?EIO=4&transport=polling', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // A token the server does not know is refused inside socket.io, naming it (no HTTP status).
    await expect(connectSocket(server.url, 'not-a-valid-token')).rejects.toThrow('unauthorized: the token is not valid');
  });
});

describe('information', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer(LAN ? { args: ['--host', '0.0.0.0'] } : {});
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.skipIf(LAN === undefined)('source-maps-remote: source maps are served to this machine only', async () => {
    const html = await (await fetch(`${server.url}/speaker`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const map = `${script!}.map`;
    expect((await fetch(`${server.url}${map}`)).status).toBe(200);
    const remote = await fetch(`http://${LAN!}:${server.port}${map}`);
    expect(remote.status).toBe(404);
    expect((await fetch(`http://${LAN!}:${server.port}${script!}`)).status).toBe(200);
  });

  it('report-frame-ancestors: the HTML report may not be framed by another page', async () => {
    const res = await fetch(`${server.url}/api/v1/report?format=html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('startup-warning-path: only the control role is shown the start-up warning (it names the data dir)', async () => {
    // A corrupt state file makes the next start warn, naming where it was moved.
    await server.kill();
    writeFileSync(`${server.dataDir}/state.json`, '{"formatVersion":1,"state":{"rev');
    server = await server.restart();
    const control = await apiClient(server.url, server.tokens.control).state();
    expect(control.startupWarning).toContain(server.dataDir);
    for (const token of [undefined, server.tokens.view, server.tokens.booth]) {
      expect((await apiClient(server.url, token).state()).startupWarning, token ?? 'no token').toBeUndefined();
      const { snapshot } = await connectTracked(server.url, token);
      expect(snapshot.startupWarning, token ?? 'no token').toBeUndefined();
    }
    const { snapshot } = await connectTracked(server.url, server.tokens.control);
    expect(snapshot.startupWarning).toContain(server.dataDir);
  });
});

/** Sends `packets` OSC `/rostrum/adjust 1` from one UDP socket, as fast as the event loop lets it. */
async function floodOsc(oscPort: number, packets: number): Promise<void> {
  const udp = createSocket('udp4');
  const adjust = Buffer.from(encode(new Message('/rostrum/adjust', 1)));
  await new Promise<void>((resolve) => {
    let sent = 0;
    let handed = 0;
    const onSent = () => {
      handed += 1;
      if (handed === packets) resolve();
    };
    const sendSome = () => {
      for (let i = 0; i < 100 && sent < packets; i += 1, sent += 1) udp.send(adjust, oscPort, '127.0.0.1', onSent);
      if (sent < packets) setImmediate(sendSome);
    };
    sendSome();
  });
  await new Promise<void>((resolve) => udp.close(() => resolve()));
}

/** floodOsc as a script for a child process: `node -e FLOOD_SCRIPT <port> <packets>`. */
const FLOOD_SCRIPT = `
import { createSocket } from 'node:dgram';
const [port, packets] = process.argv.slice(1).map(Number);
const udp = createSocket('udp4');
// /rostrum/adjust ,i 1
const adjust = Buffer.concat([Buffer.from('/rostrum/adjust\\0', 'latin1'), Buffer.from(',i\\0\\0', 'latin1'), Buffer.from([0, 0, 0, 1])]);
let sent = 0, handed = 0;
const onSent = () => { handed += 1; if (handed === packets) udp.close(); };
const sendSome = () => {
  for (let i = 0; i < 100 && sent < packets; i += 1, sent += 1) udp.send(adjust, port, '127.0.0.1', onSent);
  if (sent < packets) setImmediate(sendSome);
};
sendSome();
`;

const HAS_OSCSEND = (() => {
  try {
    execFileSync('oscsend', [], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

describe.skipIf(!HAS_OSCSEND)('OSC', () => {
  let server: StartedServer;
  let oscPort: number;
  // The soak runs the default budget (100 a second); npm test a small one, to keep the flood short.
  const RATE = SOAK ? 100 : 20;
  beforeAll(async () => {
    server = await startServer({ args: ['--osc-port', '0', ...(SOAK ? [] : ['--rate-limit', String(RATE)])] });
    oscPort = Number(/osc in\s+udp:\/\/127\.0\.0\.1:(\d+)/.exec(server.output())![1]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('osc-flood: OSC commands from one sender get a socket\'s budget; the rest are dropped', async () => {
    const control = apiClient(server.url, server.tokens.control);
    const before = (await control.state()).clock.addedMs;
    const started = performance.now();
    await floodOsc(oscPort, SOAK ? 20_000 : 3_000);
    // A sentinel from the real oscsend (the same sender, so it too waits for budget): once it has
    // been applied, every adjust sent before it has been handled (one socket, in order).
    await expect
      .poll(
        async () => {
          await run('oscsend', ['127.0.0.1', String(oscPort), '/rostrum/message/speaker', 's', 'after the flood'], { timeout: 5000 });
          return (await control.state()).messages.speaker?.text;
        },
        { timeout: 20_000 },
      )
      .toBe('after the flood');
    const elapsedSec = (performance.now() - started) / 1000;
    const applied = ((await control.state()).clock.addedMs - before) / 1000;
    // A burst of twice the rate, then the rate (the sentinel's own attempts share it).
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThanOrEqual(2 * RATE + RATE * elapsedSec);
    expect(server.output()).toContain(`at most ${RATE} a second from one sender`);
  });

  it.runIf(SOAK)('osc-flood: other clients\' update delay stays near the quiet figure while one sender floods', { timeout: 120_000 }, async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => connectTracked(server.url, server.tokens.view)));
    const { socket: control } = await connectTracked(server.url, server.tokens.control);
    const received = new Map<number, number[]>();
    for (const { socket } of clients) {
      socket.on('state:patch', (patch) => received.set(patch.revision, [...(received.get(patch.revision) ?? []), performance.now()]));
    }
    /** Commands every 20 ms until `until` settles; each one's delay to each client. */
    async function delays(until: Promise<unknown>): Promise<number[]> {
      let done = false;
      void until.then(() => (done = true));
      const sent: { revision: number; at: number }[] = [];
      for (let i = 0; !done || i < 50; i += 1) {
        const at = performance.now();
        const ack = await new Promise<{ ok: boolean; revision?: number }>((resolve) => control.emit('command', { type: 'message.booth', text: `probe ${i}` }, resolve));
        if (ack.ok && ack.revision !== undefined) sent.push({ revision: ack.revision, at });
        await new Promise((r) => setTimeout(r, 20));
      }
      await Promise.all(clients.map(({ socket }) => roundTrip(socket)));
      return sent.flatMap(({ revision, at }) => (received.get(revision) ?? []).map((t) => t - at));
    }
    const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? NaN;
    const quiet = await delays(Promise.resolve());
    // The flood comes from its own process, so that sending it does not slow the measuring clients.
    const flooded = await delays(run(process.execPath, ['--input-type=module', '-e', FLOOD_SCRIPT, String(oscPort), '20000'], { timeout: 60_000 }));
    console.log(`osc-flood: 20 clients' update delay p99 ${p99(quiet).toFixed(1)} ms quiet, ${p99(flooded).toFixed(1)} ms during 20,000 OSC packets (${quiet.length} / ${flooded.length} samples)`);
    expect(flooded.length).toBeGreaterThanOrEqual(50 * 20);
    // A figure more than a bound: on a shared two-core machine both numbers follow the load (quiet
    // p99 from 5 to 210 ms in the same hour). What the budget guarantees is pinned by the test above
    // (how many commands get through); this one only catches a stall like the audit's (p99 740 ms,
    // before the budget) coming back.
    expect(p99(flooded)).toBeLessThan(1000);
    expect(rssMiB(server)).toBeLessThan(300);
  });
});
