import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/state';
import type { VenueLinkState } from '../../shared/contract/relay';
import { apiClient } from '../helpers/api-client';
import { linkedStatus, makeRelayKey, relayHoldsVenue, relayStatus, startRelay, tokenOf, until, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import { startFreezeProxy, type FreezeProxy } from '../helpers/freeze-proxy';
import { connectSocket, nextEvent, type TestSocket } from '../helpers/socket-client';

const servers: StartedServer[] = [];
const relays: StartedRelay[] = [];
const sockets: TestSocket[] = [];
const proxies: FreezeProxy[] = [];
afterEach(async () => {
  for (const p of proxies.splice(0)) {
    p.resume();
    await p.close();
  }
  for (const s of sockets.splice(0)) s.close();
  for (const s of servers.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.kill();
  for (const r of relays.splice(0)) await r.kill();
});

async function venueLinkedTo(relay: StartedRelay, key = relay.key): Promise<StartedServer> {
  const venue = await startServer({ args: ['--relay', relay.url, '--relay-key', key] });
  servers.push(venue);
  return venue;
}

async function linked(): Promise<{ relay: StartedRelay; venue: StartedServer; links: { speaker: string; booth: string; audience: string } }> {
  const relay = await startRelay();
  relays.push(relay);
  const venue = await venueLinkedTo(relay);
  const status = await linkedStatus(venue);
  await relayHoldsVenue(relay.url);
  return { relay, venue, links: status.links! };
}

async function viewer(relay: StartedRelay, token: string): Promise<{ socket: TestSocket; snapshot: Snapshot }> {
  const connected = await connectSocket(relay.url, token);
  sockets.push(connected.socket);
  return connected;
}

const venueState = (socket: TestSocket, state: VenueLinkState) => new Promise<void>((resolve) => {
  const on = (s: VenueLinkState) => {
    if (s !== state) return;
    socket.off('relay:venue', on);
    resolve();
  };
  socket.on('relay:venue', on);
});

describe('relay: the venue links out', () => {
  it('refuses a wrong link key, and says so on both sides', async () => {
    const relay = await startRelay();
    relays.push(relay);
    const venue = await venueLinkedTo(relay, makeRelayKey());
    const status = await until('the link to be refused', async () => {
      const s = await relayStatus(venue.url, venue.tokens.control);
      return s.state === 'refused' ? s : undefined;
    });
    expect(status.lastError).toMatch(/link key is not valid/);
    expect(status.links).toBeNull();
    expect(relay.output()).toMatch(/refused a venue link from .*: the link key is not valid/);
    await until('the venue to say so', () => (/relay at .* refused the link/.test(venue.output()) ? true : undefined));
    // Nothing reached the relay: remote links cannot be used.
    expect((await fetch(`${relay.url}/api/v1/health`).then((r) => r.json())) as object).toMatchObject({ venues: { main: 'lost' } });
  });

  it('answers "off" on a venue without a relay, for the control role only', async () => {
    const venue = await startServer();
    servers.push(venue);
    expect(await relayStatus(venue.url, venue.tokens.control)).toEqual({
      state: 'off',
      rttMs: null,
      links: null,
      speakerLinks: [],
      outputLinks: null,
      lastError: null,
      settings: { url: null, keySet: false, enabled: false, cohost: false, fromFlags: false },
    });
    const asBooth = await fetch(`${venue.url}/api/v1/relay`, { headers: { authorization: `Bearer ${venue.tokens.booth}` } });
    expect(asBooth.status).toBe(403);
    // Nothing is created for a venue that never uses a relay.
    expect(Object.keys(JSON.parse(readFileSync(join(venue.dataDir, 'settings.json'), 'utf8')) as object)).not.toContain('remoteTokens');
  });

  it('mirrors the state, and remote views follow start, pause and next', async () => {
    const { relay, venue, links } = await linked();
    const control = apiClient(venue.url, venue.tokens.control);
    const atVenue = await control.state();
    const { socket, snapshot } = await viewer(relay, tokenOf(links.speaker));
    expect(snapshot.revision).toBe(atVenue.revision);
    expect(snapshot.agenda).toEqual(atVenue.agenda);

    // The relay answers GET /api/v1/state in the venue's shape.
    const mirrored = await apiClient(relay.url, tokenOf(links.audience)).state();
    expect(Object.keys(mirrored).sort()).toEqual(Object.keys(atVenue).sort());
    expect(mirrored.revision).toBe(atVenue.revision);

    const item = atVenue.clock.currentItemId;
    for (const command of [{ type: 'start', expectedItemId: item }, { type: 'pause', expectedItemId: item }, { type: 'next', expectedItemId: item }]) {
      const patch = nextEvent(socket, 'state:patch');
      const res = await control.command(command);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await patch).revision).toBe(res.body.revision);
    }
    const after = await control.state();
    const remote = await apiClient(relay.url, tokenOf(links.booth)).state();
    expect(remote.revision).toBe(after.revision);
    expect(remote.clock.currentItemId).toBe(after.clock.currentItemId);
    expect(remote.clock.currentItemId).not.toBe(item);
    const status = await relayStatus(venue.url, venue.tokens.control);
    expect(status.rttMs).not.toBeNull();
    expect(status.speakerLinks.map((l) => l.itemId)).toContain(item);
  });

  it("answers a view's time ping with its estimate of the venue's clock", async () => {
    const { relay, links } = await linked();
    const { socket } = await viewer(relay, tokenOf(links.speaker));
    // The relay asks the venue's time every second; give it a sample first.
    await until('a clock sample', async () => ((await relayStatus(servers[0]!.url, servers[0]!.tokens.control)).rttMs !== null ? true : undefined));
    const sentAt = Date.now();
    const pong = await new Promise<{ serverTime: number }>((resolve) => socket.emit('time:ping', sentAt, resolve));
    const receivedAt = Date.now();
    // One machine, one clock: the venue's time lies within the round trip (plus the estimate's error).
    expect(pong.serverTime).toBeGreaterThanOrEqual(sentAt - 50);
    expect(pong.serverTime).toBeLessThanOrEqual(receivedAt + 50);
  });

  it('gets a fresh snapshot when the venue restarts, and tells views the link was lost meanwhile', async () => {
    const { relay, venue, links } = await linked();
    const { socket } = await viewer(relay, tokenOf(links.speaker));
    const lost = venueState(socket, 'lost');
    await venue.kill();
    await lost;
    const fresh = nextEvent(socket, 'state:snapshot');
    const back = venueState(socket, 'linked');
    const restarted = await venue.restart();
    servers.push(restarted);
    await back;
    const snap = await fresh;
    expect(snap.revision).toBe((await apiClient(restarted.url, restarted.tokens.control).state()).revision);
    // And patches follow again.
    const patch = nextEvent(socket, 'state:patch');
    const res = await apiClient(restarted.url, restarted.tokens.control).command({ type: 'message.speaker', text: 'Welcome back' });
    expect(res.status).toBe(200);
    expect((await patch).messages?.speaker?.text).toBe('Welcome back');
  });

  it('relinks by itself when the relay restarts, and the relay serves what changed meanwhile', async () => {
    const { relay, venue, links } = await linked();
    await relay.kill();
    await until('the venue to notice', async () => ((await relayStatus(venue.url, venue.tokens.control)).state === 'connecting' ? true : undefined));
    // The venue does not wait for the relay: commands go on.
    const res = await apiClient(venue.url, venue.tokens.control).command({ type: 'message.speaker', text: 'While the relay was away' });
    expect(res.status).toBe(200);
    const again = await relay.restart();
    relays.push(again);
    await until('the venue to relink', async () => ((await relayStatus(venue.url, venue.tokens.control)).state === 'connected' ? true : undefined), 20_000);
    const { snapshot } = await until('a remote view to connect', () => viewer(again, tokenOf(links.speaker)));
    expect(snapshot.revision).toBe(res.body.revision);
    expect(snapshot.messages.speaker?.text).toBe('While the relay was away');
  });
});

describe('relay: nothing at the venue waits for the link', () => {
  it('answers commands while the link is frozen; the relay marks the venue lost, then catches up when it flows again', async () => {
    // The proxy listens on another port of 127.0.0.1: the relay allows that name on any port.
    const relay = await startRelay({ args: ['--allowed-hosts', '127.0.0.1'] });
    relays.push(relay);
    const proxy = await startFreezeProxy(relay.port);
    proxies.push(proxy);
    const venue = await startServer({ args: ['--relay', `http://127.0.0.1:${proxy.port}`, '--relay-key', relay.key] });
    servers.push(venue);
    const status = await linkedStatus(venue);
    await relayHoldsVenue(relay.url);
    const { socket } = await viewer(relay, tokenOf(status.links!.speaker));
    const lost = venueState(socket, 'lost');

    proxy.freeze();
    const frozenAt = Date.now();
    void lost.then(() => console.log(`frozen venue link: remote views told "lost" after ${Date.now() - frozenAt} ms`));
    const control = apiClient(venue.url, venue.tokens.control);
    let revision = 0;
    for (let i = 0; i < 20; i++) {
      const res = await control.command({ type: 'message.speaker', text: `while frozen ${i}` });
      expect(res.status).toBe(200);
      revision = res.body.revision!;
    }
    await lost;

    proxy.resume();
    await until('the remote view to catch up', async () => {
      const remote = await apiClient(relay.url, tokenOf(status.links!.speaker)).state().catch(() => null);
      return remote?.revision === revision && remote.messages.speaker?.text === 'while frozen 19' ? true : undefined;
    }, 20_000);
  });
});

describe('relay: remote tokens', () => {
  it('refuses commands from remote speaker and audience links (403), and LAN tokens altogether (401)', async () => {
    const { relay, venue, links } = await linked();
    const request = { type: 'booth.request', booth: 'Booth A', kind: 'slow-down' };
    for (const link of [links.speaker, links.audience]) {
      const res = await apiClient(relay.url, tokenOf(link)).command(request);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('forbidden');
    }
    for (const lan of [venue.tokens.control, venue.tokens.booth, venue.tokens.view]) {
      expect((await apiClient(relay.url, lan).command(request)).status).toBe(401);
      expect((await fetch(`${relay.url}/api/v1/state`, { headers: { authorization: `Bearer ${lan}` } })).status).toBe(401);
    }
    expect((await fetch(`${relay.url}/api/v1/state`)).status).toBe(401);
    // Remote tokens are not LAN tokens either.
    expect((await apiClient(venue.url, tokenOf(links.booth)).command(request)).status).toBe(401);
    // Over a socket too.
    const { socket } = await viewer(relay, tokenOf(links.speaker));
    const ack = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => socket.emit('command', request as never, resolve));
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Tokens never reach the logs.
    for (const link of Object.values(links)) {
      expect(relay.output()).not.toContain(tokenOf(link));
      expect(venue.output()).not.toContain(tokenOf(link));
    }
  });

  it('serves the lower third and the studio clock with the remote audience token, read-only; the crew page stays at the venue', async () => {
    const { relay, venue, links } = await linked();
    const status = await relayStatus(venue.url, venue.tokens.control);
    expect(status.outputLinks).toEqual({ 'lower-third': `${relay.url}/lower-third?token=${tokenOf(links.audience)}`, clock: `${relay.url}/clock?token=${tokenOf(links.audience)}` });
    for (const path of ['/lower-third', '/clock']) expect((await fetch(`${relay.url}${path}`)).status).toBe(200);
    expect((await fetch(`${relay.url}/crew`)).status).toBe(404);
    // A new audience link renews them too.
    const rotated = await fetch(`${venue.url}/api/v1/relay/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${venue.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'audience' }),
    });
    const after = (await rotated.json()) as Awaited<ReturnType<typeof relayStatus>>;
    expect(tokenOf(after.outputLinks!.clock)).toBe(tokenOf(after.links!.audience));
    expect(tokenOf(after.outputLinks!.clock)).not.toBe(tokenOf(links.audience));
  });

  it("takes a remote booth's request to the venue, whose core checks the booth role again", async () => {
    const { relay, venue, links } = await linked();
    const booth = apiClient(relay.url, tokenOf(links.booth));
    const res = await booth.command({ type: 'booth.request', booth: 'Remote booth', kind: 'slow-down' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const atVenue = await apiClient(venue.url, venue.tokens.control).state();
    expect(atVenue.booth.requests.map((r) => [r.booth, r.kind])).toContainEqual(['Remote booth', 'slow-down']);
    // A booth may not run the clock, from afar neither: the venue refuses it.
    const start = await booth.command({ type: 'start', expectedItemId: atVenue.clock.currentItemId });
    expect(start.status).toBe(403);
    expect(start.body.error?.message).toMatch(/booth role may not send "start"/);
  });

  it('refuses a booth request visibly while the venue link is down (never dropped silently)', async () => {
    const { relay, venue, links } = await linked();
    const { socket } = await viewer(relay, tokenOf(links.booth));
    const lost = venueState(socket, 'lost');
    await venue.kill();
    await lost;
    const res = await apiClient(relay.url, tokenOf(links.booth)).command({ type: 'booth.request', booth: 'Remote booth', kind: 'no-audio' });
    expect(res.status).toBe(503);
    expect(res.body.error?.code).toBe('venue-unavailable');
    const ack = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      socket.emit('command', { type: 'booth.request', booth: 'Remote booth', kind: 'no-audio' } as never, resolve),
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'venue-unavailable' } });
  });
});

describe('relay: TLS and the public internet', () => {
  it('refuses to listen beyond loopback without TLS, saying how to fix it', async () => {
    await expect(startRelay({ args: ['--host', '0.0.0.0'] })).rejects.toThrow(/needs TLS: give --tls-cert and --tls-key, or --behind-tls-proxy/);
  });

  it('serves over its own certificate, and the venue links over TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const relay = await startRelay({ args: ['--tls-cert', cert, '--tls-key', key] });
    relays.push(relay);
    expect(relay.url).toMatch(/^https:\/\//);
    const venue = await startServer({ args: ['--relay', relay.url, '--relay-key', relay.key], env: { NODE_EXTRA_CA_CERTS: cert } });
    servers.push(venue);
    const status = await linkedStatus(venue);
    expect(status.links!.speaker).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/speaker\?token=/);
    const health = await new Promise<number>((resolve, reject) => {
      httpsGet(`${relay.url}/api/v1/health`, { ca: readFileSync(cert) }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(health).toBe(200);
  });

  it('checks Host like the venue does (DNS rebinding)', async () => {
    const relay = await startRelay();
    relays.push(relay);
    const status = await new Promise<number>((resolve, reject) => {
      httpGet(`${relay.url}/api/v1/health`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(403);
  });
});
