import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Bundle, Message, encode } from 'node-osc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { ROOT, startServer, type StartedServer } from '../helpers/server-process';

/**
 * OSC control (docs/control.md), driven by `oscsend` from Debian's liblo-tools — a client nobody
 * here wrote — with the feedback received by the node-osc library in a separate process.
 */

const run = promisify(execFile);
const HAS_OSCSEND = spawnSync('oscsend', [], { stdio: 'ignore' }).error === undefined;
if (!HAS_OSCSEND) console.warn('SKIPPED: OSC tests need oscsend (apt-get install -y liblo-tools); npm test installs it when run as root.');

const oscPortOf = (server: StartedServer): number => {
  const m = /osc in\s+udp:\/\/127\.0\.0\.1:(\d+)/.exec(server.output());
  if (!m) throw new Error(`no OSC port in the server output:\n${server.output()}`);
  return Number(m[1]);
};

interface Received {
  t: number;
  address: string;
  args: unknown[];
}

/** The feedback receiver: its own process, bound to 127.0.0.1 on a free port. */
async function startReceiver(): Promise<{ port: number; messages: Received[]; stop(): Promise<void> }> {
  const proc: ChildProcess = spawn(process.execPath, [join(ROOT, 'tests', 'helpers', 'osc-receiver.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: Received[] = [];
  let buffered = '';
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`osc receiver exited with ${code}`)));
    proc.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl)) as { port?: number } & Received;
        buffered = buffered.slice(nl + 1);
        if (line.port !== undefined) resolve(line.port);
        else messages.push(line);
      }
    });
  });
  return {
    port,
    messages,
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

describe.skipIf(!HAS_OSCSEND)('OSC input with oscsend, feedback out', () => {
  let server: StartedServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let oscPort: number;
  const oscsend = (address: string, types = '', ...values: string[]) =>
    run('oscsend', ['127.0.0.1', String(oscPort), address, ...(types ? [types, ...values] : [])], { timeout: 5000 });
  const state = () => apiClient(server.url, server.tokens.control).state();
  const last = (address: string) => receiver.messages.filter((m) => m.address === address).at(-1)?.args;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startServer({ args: ['--osc-port', '0', '--osc-feedback', `127.0.0.1:${receiver.port}`] });
    oscPort = oscPortOf(server);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  it('sends the whole state once on start-up, while idle', async () => {
    await expect.poll(() => last('/rostrum/state/status')).toEqual(['idle']);
    expect(last('/rostrum/state/current')).toEqual(['open-local-gov', 'Welcoming remarks', 'Local government representative']);
    expect(last('/rostrum/state/phase')).toEqual(['normal']);
    expect(last('/rostrum/state/remaining')).toEqual([420, '7:00']);
  });

  it('starts on /rostrum/start and reports remaining seconds at most once a second while running', async () => {
    const from = receiver.messages.length;
    await oscsend('/rostrum/start');
    await expect.poll(async () => (await state()).clock.status).toBe('running');
    await expect.poll(() => last('/rostrum/state/status')).toEqual(['running']);
    // The change itself, then the 1 s tick: wait for three remaining-time updates.
    const remaining = () => receiver.messages.slice(from).filter((m) => m.address === '/rostrum/state/remaining');
    await expect.poll(() => remaining().length, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    const ticks = remaining();
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.t - ticks[i - 1]!.t).toBeGreaterThanOrEqual(900);
    expect(ticks.at(-1)!.args[0]).toBeLessThan(420);
    expect(ticks.at(-1)!.args[1]).toMatch(/^6:5\d$/);
  });

  it('pauses, toggles, goes and adjusts, each with its feedback', async () => {
    await oscsend('/rostrum/pause');
    await expect.poll(() => last('/rostrum/state/status')).toEqual(['paused']);
    await oscsend('/rostrum/toggle');
    await expect.poll(() => last('/rostrum/state/status')).toEqual(['running']);
    await oscsend('/rostrum/toggle');
    await expect.poll(() => last('/rostrum/state/status')).toEqual(['paused']);

    await oscsend('/rostrum/goto', 'i', '4');
    await expect.poll(() => last('/rostrum/state/current')).toEqual(['open-lee', 'Opening remarks', 'LEE Chang-Hee']);
    await oscsend('/rostrum/goto', 's', 's1-yoon');
    await expect.poll(async () => (await state()).clock.currentItemId).toBe('s1-yoon');
    await expect.poll(() => last('/rostrum/state/current')?.[0]).toBe('s1-yoon');

    const before = await state();
    await oscsend('/rostrum/adjust', 'f', '-30.4');
    await expect.poll(async () => (await state()).clock.addedMs).toBe(before.clock.addedMs - 30_000);
    await oscsend('/rostrum/adjust', 'i', '90');
    await expect.poll(async () => (await state()).clock.addedMs).toBe(before.clock.addedMs + 60_000);
  });

  it('moves on with /rostrum/next, and a repeated next with the expected id does not skip two items', async () => {
    await oscsend('/rostrum/next', 's', 's1-yoon');
    await expect.poll(async () => (await state()).clock.currentItemId).toBe('s1-wang');
    const afterFirst = (await state()).revision;
    await oscsend('/rostrum/next', 's', 's1-yoon'); // the bounce: refused, logged, ignored
    await oscsend('/rostrum/previous', 's', 's1-wang');
    await expect.poll(async () => (await state()).clock.currentItemId).toBe('s1-yoon');
    expect((await state()).revision).toBe(afterFirst + 1);
  });

  it('sends a speaker message', async () => {
    await oscsend('/rostrum/message/speaker', 's', 'Please wrap up');
    await expect.poll(async () => (await state()).messages.speaker?.text).toBe('Please wrap up');
  });

  it('shows and hides the lower third (#19)', async () => {
    await oscsend('/rostrum/lower-third/hide');
    await expect.poll(async () => (await state()).display.lowerThird.cue).toBeNull();
    await oscsend('/rostrum/lower-third/show');
    await expect.poll(async () => (await state()).display.lowerThird.cue?.itemId).toBe((await state()).clock.currentItemId);
    await oscsend('/rostrum/lower-third/hide');
    await expect.poll(async () => (await state()).display.lowerThird.cue).toBeNull();
  });

  it('starts, pauses and resets an extra timer', async () => {
    await oscsend('/rostrum/aux/start', 'i', '2');
    await expect.poll(async () => (await state()).aux['2'].status).toBe('running');
    await oscsend('/rostrum/aux/pause', 'i', '2');
    await expect.poll(async () => (await state()).aux['2'].status).toBe('paused');
    expect((await state()).aux['2'].accumulatedMs).toBeGreaterThan(0);
    await oscsend('/rostrum/aux/reset', 'i', '2');
    await expect.poll(async () => (await state()).aux['2']).toMatchObject({ status: 'idle', accumulatedMs: 0 });
  });
});

describe.skipIf(!HAS_OSCSEND)('OSC sender allow list', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ args: ['--osc-port', '0', '--osc-allow', '192.0.2.7'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ignores packets from a sender not on --osc-allow, and says so in the log', async () => {
    const before = await apiClient(server.url, server.tokens.control).state();
    await run('oscsend', ['127.0.0.1', String(oscPortOf(server)), '/rostrum/start'], { timeout: 5000 });
    await expect.poll(() => server.output()).toContain('OSC: sender not allowed: ignored a packet from 127.0.0.1');
    const after = await apiClient(server.url, server.tokens.control).state();
    expect(after.revision).toBe(before.revision);
    expect(after.clock.status).toBe('idle');
  });
});

/** A small seeded PRNG (mulberry32): the fuzz run is the same every time. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('OSC fuzz', () => {
  let server: StartedServer;
  let socket: Socket;
  let oscPort: number;

  beforeAll(async () => {
    // 5,000 packets from one sender in a few seconds: far over a sender's budget (network-attacks.test.ts,
    // osc-flood), which would drop valid ones too. This test is about parsing, so the budget is raised.
    server = await startServer({ args: ['--osc-port', '0', '--rate-limit', '100000'] });
    oscPort = oscPortOf(server);
    socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  });
  afterAll(async () => {
    socket?.close();
    await server?.stop();
  });

  it('survives 5,000 packets: each valid one takes effect, the junk changes nothing', { timeout: 20_000 }, async () => {
    const random = prng(10);
    const int = (n: number) => Math.floor(random() * n);
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
    const send = (packet: Buffer) =>
      new Promise<void>((resolve, reject) => socket.send(packet, oscPort, '127.0.0.1', (e) => (e ? reject(e) : resolve())));
    const junk: (() => Buffer)[] = [
      () => bytes(int(300)),
      () => Buffer.concat([Buffer.from('/rostrum/'), bytes(int(40))]),
      () => Buffer.from('/rostrum/start'), // no terminator, no type tags
      () => {
        const whole = encode(new Message('/rostrum/adjust', 30));
        return whole.subarray(0, whole.length - 1 - int(3)); // the int argument cut short
      },
      () => {
        const whole = encode(new Message('/rostrum/message/speaker', 'truncated text'));
        return whole.subarray(0, 28 + int(6));
      },
      () => encode(new Message(['/rostrum/strat', '/rostrum/START', '/rostrum', '/other/next', '/rostrum/start/x'][int(5)]!)),
      () => encode(new Message('/rostrum/goto', [0, -3, 2.5, 999, 'no-such-item', ''][int(6)]!)),
      () => encode(new Message('/rostrum/adjust', ['60', 0, 0.3, 1e9][int(4)]!)),
      () => encode(new Message('/rostrum/message/speaker', [42, '', '   '][int(3)]!)),
      () => encode(new Message('/rostrum/next', 'not-the-current-item')), // stale: refused
      () => encode(new Message('/rostrum/message/clear', 'extra')),
      () => encode(new Bundle(0, ...Array.from({ length: 40 }, () => ['/rostrum/adjust', 1] as [string, number]))), // too many
    ];

    const control = apiClient(server.url, server.tokens.control);
    const start = await control.state();
    let revision = start.revision;
    let addedMs: number = start.clock.addedMs;
    // 100 rounds of 49 junk packets and one valid one: small bursts, so that the kernel's UDP
    // receive buffer (each datagram costs about a kilobyte there) never drops the valid one.
    const ROUNDS = 100;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < 49; i++) await send(junk[int(junk.length)]!());
      // One valid packet per round, each of a different kind.
      const kind = round % 3;
      if (kind === 0) {
        await send(encode(new Message('/rostrum/adjust', 2)));
        addedMs += 2000;
      } else if (kind === 1) {
        await send(encode(new Message('/rostrum/adjust', { type: 'float', value: -1.25 })));
        addedMs -= 1000;
      } else {
        await send(encode(new Message('/rostrum/message/speaker', `ping ${round}`)));
      }
      revision += 1;
      await expect.poll(async () => (await control.state()).revision, { timeout: 5000, message: server.output().slice(-2000) }).toBe(revision);
      const now = await control.state();
      expect(now.clock.addedMs).toBe(addedMs);
      if (kind === 2) expect(now.messages.speaker?.text).toBe(`ping ${round}`);
    }

    const end = await control.state();
    expect(end.revision).toBe(start.revision + ROUNDS);
    expect(end.clock.currentItemId).toBe(start.clock.currentItemId);
    expect(end.clock.status).toBe(start.clock.status);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    // Problems are logged, but rate-limited: a line or two per kind, not thousands.
    const oscLines = server.output().split('\n').filter((l) => l.startsWith('OSC:'));
    for (const kind of ['malformed packet', 'unknown-address', 'bad-arguments', 'refused (stale-item)']) {
      expect(oscLines.some((l) => l.startsWith(`OSC: ${kind}:`)), kind).toBe(true);
    }
    expect(oscLines.length).toBeLessThan(30);
  });
});
