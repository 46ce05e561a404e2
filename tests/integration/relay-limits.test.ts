import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedStatus, relayHoldsVenue, startRelay, tokenOf, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import type { TestSocket } from '../helpers/socket-client';

/**
 * The relay on the public internet (#17, docs/security.md): remote views per client address are
 * capped (`--max-connections`), and behind the TLS proxy (`--behind-tls-proxy`) the client is the
 * address the proxy appended to X-Forwarded-For, so every attendee behind nginx does not share
 * one budget, and a client cannot pick its own address by sending the header itself.
 */
describe('relay: remote views per client address', () => {
  const sockets: TestSocket[] = [];
  let venue: StartedServer;
  let relay: StartedRelay;
  let speaker: string;

  beforeAll(async () => {
    relay = await startRelay({ args: ['--max-connections', '2', '--behind-tls-proxy'] });
    venue = await startServer({ args: ['--relay', relay.url, '--relay-key', relay.key] });
    speaker = tokenOf((await linkedStatus(venue)).links!.speaker);
    await relayHoldsVenue(relay.url);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await venue?.stop();
    await relay?.kill();
  });

  /** A view as if through the proxy: `forwarded` is the X-Forwarded-For the proxy sends on. Resolves with its first snapshot, or the refusal. */
  const view = (forwarded: string) =>
    new Promise<{ ok: true; socket: TestSocket } | { ok: false; message: string }>((resolve) => {
      const socket: TestSocket = io(relay.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: speaker }, extraHeaders: { 'x-forwarded-for': forwarded } });
      sockets.push(socket);
      socket.once('state:snapshot', () => resolve({ ok: true, socket }));
      socket.once('connect_error', (error) => resolve({ ok: false, message: error.message }));
    });

  it('relay-viewers-per-address: refuses a third view from one client address, naming the cap, and admits one again once a view closes', async () => {
    const first = await view('203.0.113.5');
    expect(first.ok).toBe(true);
    expect((await view('203.0.113.5')).ok).toBe(true);
    const third = await view('203.0.113.5');
    expect(third).toEqual({ ok: false, message: 'rate-limited: too many connections from 203.0.113.5: at most 2 at once' });
    // Another attendee, behind the same proxy, has its own count.
    expect((await view('203.0.113.6')).ok).toBe(true);
    if (first.ok) first.socket.close();
    await expect.poll(async () => (await view('203.0.113.5')).ok).toBe(true);
  });

  it('relay-forwarded-for-spoof: reads only the address the proxy appended: what a client puts before it changes nothing', async () => {
    expect((await view('198.51.100.1, 203.0.113.9')).ok).toBe(true);
    expect((await view('198.51.100.2, 203.0.113.9')).ok).toBe(true);
    expect(await view('198.51.100.3, 203.0.113.9')).toMatchObject({ ok: false, message: expect.stringContaining('from 203.0.113.9') });
  });
});
