import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayBody, RelayStatus, RemoteRole } from '../../shared/contract/relay';
import { makeRelayKey, relayHoldsVenue, relayStatus, startRelay, tokenOf, until, type StartedRelay } from '../helpers/relay-process';
import { ROOT, startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, type TestSocket } from '../helpers/socket-client';

/**
 * The relay link set from the console (#17): `POST /api/v1/relay` starts, changes and stops the
 * link live and keeps it; `POST /api/v1/relay/tokens/rotate` gives a remote role a new token and the
 * relay drops the viewers of the old one. The key is never answered nor logged.
 */
const servers: StartedServer[] = [];
const relays: StartedRelay[] = [];
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of servers.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.kill();
  for (const r of relays.splice(0)) await r.kill();
});

async function post(venue: StartedServer, path: string, body: unknown, token = venue.tokens.control): Promise<{ status: number; text: string; json: RelayStatus & { error?: { code: string; message: string; path: string } } }> {
  const res = await fetch(`${venue.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as never };
}
const setRelay = (venue: StartedServer, body: RelayBody) => post(venue, '/api/v1/relay', body);
const rotate = (venue: StartedServer, role: RemoteRole) => post(venue, '/api/v1/relay/tokens/rotate', { role });

const stateIs = (venue: StartedServer, state: RelayStatus['state']) =>
  until(`the link to be ${state}`, async () => {
    const s = await relayStatus(venue.url, venue.tokens.control);
    return s.state === state && (state !== 'connected' || s.links !== null) ? s : undefined;
  });

async function relay(): Promise<StartedRelay> {
  const r = await startRelay();
  relays.push(r);
  return r;
}
async function venue(args: string[] = [], dataDir?: string): Promise<StartedServer> {
  const v = await startServer({ args, ...(dataDir ? { dataDir } : {}) });
  servers.push(v);
  return v;
}
const settingsFile = (v: StartedServer) => JSON.parse(readFileSync(join(v.dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('relay link from the console', () => {
  it('starts, changes and stops the link live, keeps it across a restart, and never answers or logs the key', async () => {
    const r = await relay();
    const v = await venue();
    const off = await relayStatus(v.url, v.tokens.control);
    expect(off).toMatchObject({ state: 'off', links: null, settings: { url: null, keySet: false, enabled: false, cohost: false, fromFlags: false } });

    const on = await setRelay(v, { url: `${r.url}/some/path`, key: r.key, enabled: true });
    expect(on.status, on.text).toBe(200);
    expect(on.json.settings).toEqual({ url: r.url, keySet: true, enabled: true, cohost: false, fromFlags: false });
    expect(on.text).not.toContain(r.key);
    const linked = await stateIs(v, 'connected');
    // The remote moderator is off by default: no link, no token made.
    expect(linked.links).not.toHaveProperty('moderator');
    expect(settingsFile(v)['remoteTokens']).toMatchObject({ moderator: null });
    await relayHoldsVenue(r.url);
    const { socket } = await connectSocket(r.url, tokenOf(linked.links!.speaker));
    sockets.push(socket);

    // Off: the relay loses the venue, nothing at the venue changes.
    expect((await setRelay(v, { enabled: false })).json.state).toBe('off');
    await until('the relay to lose the venue', async () => ((await fetch(`${r.url}/api/v1/health`).then((x) => x.json())) as { venues: { main: string } }).venues.main === 'lost' || undefined);
    expect((await setRelay(v, { enabled: true })).status).toBe(200);
    await stateIs(v, 'connected');
    expect(settingsFile(v)['relayLink']).toEqual({ url: r.url, key: r.key, enabled: true });

    // Kept: a restart links again by itself, with the same remote links.
    await v.stop();
    const again = await v.restart();
    servers.push(again);
    const after = await stateIs(again, 'connected');
    expect(after.links).toEqual(linked.links);
    for (const proc of [v, again]) expect(proc.output()).not.toContain(r.key);
  });

  it('takes a corrected key live after a refusal: no restart', async () => {
    const r = await relay();
    const v = await venue();
    expect((await setRelay(v, { url: r.url, key: makeRelayKey(), enabled: true })).status).toBe(200);
    const refused = await stateIs(v, 'refused');
    expect(refused.lastError).toMatch(/link key is not valid/);
    expect((await setRelay(v, { key: r.key })).status).toBe(200);
    await stateIs(v, 'connected');
  });

  it('retries a refused link on Apply with nothing changed (the relay\'s key was fixed meanwhile)', async () => {
    const r = await relay();
    const v = await venue();
    const key = makeRelayKey();
    await setRelay(v, { url: r.url, key, enabled: true });
    await stateIs(v, 'refused');
    await r.kill();
    relays.push(await startRelay({ port: r.port, key, dataDir: r.dataDir }));
    expect((await setRelay(v, {})).status).toBe(200);
    await stateIs(v, 'connected');
  });

  it('relay-key-never-echoed: refuses bad input naming the field, without echoing a key, and changes nothing', async () => {
    const v = await venue();
    const cases: [RelayBody | Record<string, unknown>, string, RegExp][] = [
      [{ url: 'ftp://relay.example.org' }, 'url', /^url: must start with https:\/\//],
      [{ url: 'not a url' }, 'url', /^url: must be a URL/],
      [{ key: 'short-secret' }, 'key', /^key: must be 16 to 200 URL-safe characters/],
      [{ enabled: 'yes' }, 'enabled', /^enabled: /],
      [{ enabled: true }, 'url', /^url: give the relay's URL/],
      [{ url: 'https://relay.example.org', enabled: true }, 'key', /^key: give the link key/],
      [{ token: 'x' }, 'token', /unknown field "token"/],
    ];
    for (const [body, field, message] of cases) {
      const res = await setRelay(v, body as RelayBody);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error?.path).toBe(field);
      expect(res.json.error?.message).toMatch(message);
      expect(res.text).not.toContain('short-secret');
    }
    expect((await relayStatus(v.url, v.tokens.control)).settings).toEqual({ url: null, keySet: false, enabled: false, cohost: false, fromFlags: false });
    expect(settingsFile(v)).not.toHaveProperty('relayLink');
    expect(v.output()).not.toContain('short-secret');
    // Control only.
    expect((await post(v, '/api/v1/relay', { enabled: false }, v.tokens.booth)).status).toBe(403);
    expect((await post(v, '/api/v1/relay/tokens/rotate', { role: 'speaker' }, v.tokens.view)).status).toBe(403);
  });

  it('lets the flags win at start; a change from the console holds for the run and is not written over them', async () => {
    const r = await relay();
    const v = await venue(['--relay', r.url, '--relay-key', r.key]);
    const linked = await stateIs(v, 'connected');
    expect(linked.settings).toMatchObject({ url: r.url, keySet: true, enabled: true, fromFlags: true });
    expect((await setRelay(v, { enabled: false })).json.state).toBe('off');
    // The key given on the command line does not land on disk.
    expect(settingsFile(v)['relayLink']).toEqual({ enabled: false });
    await v.stop();
    const again = await v.restart();
    servers.push(again);
    await stateIs(again, 'connected');
  });

  it('serves no relay link code until a link is on: serve.js leaves it (and socket.io-client) to a chunk of its own', () => {
    const dist = join(ROOT, process.env['ROSTRUM_DIST'] ?? 'dist', 'node');
    const serve = readFileSync(join(dist, 'serve.js'), 'utf8');
    expect(serve).not.toContain("'link:ping'");
    expect(serve).not.toContain('"link:ping"');
    const chunk = readdirSync(join(dist, 'assets')).find((f) => /^relay-link-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    expect(serve).toContain(chunk!);
  });
});

describe('remote tokens rotated from the console', () => {
  it('gives one remote role a new link; the relay drops the viewers of the old one; the others keep theirs', async () => {
    const r = await relay();
    const v = await venue();
    await setRelay(v, { url: r.url, key: r.key, enabled: true });
    const before = await stateIs(v, 'connected');
    await relayHoldsVenue(r.url);
    const speaker = await connectSocket(r.url, tokenOf(before.links!.speaker));
    const booth = await connectSocket(r.url, tokenOf(before.links!.booth));
    sockets.push(speaker.socket, booth.socket);
    const dropped = new Promise<string>((resolve) => speaker.socket.once('disconnect', resolve));

    const res = await rotate(v, 'speaker');
    expect(res.status, res.text).toBe(200);
    const after = res.json;
    expect(tokenOf(after.links!.speaker)).not.toBe(tokenOf(before.links!.speaker));
    expect(after.links!.booth).toBe(before.links!.booth);
    expect(after.speakerLinks.every((l) => tokenOf(l.url) === tokenOf(after.links!.speaker))).toBe(true);
    expect(await dropped).toBe('io server disconnect');
    expect(booth.socket.connected).toBe(true);
    await expect(connectSocket(r.url, tokenOf(before.links!.speaker))).rejects.toThrow(/unauthorized/);
    const fresh = await connectSocket(r.url, tokenOf(after.links!.speaker));
    sockets.push(fresh.socket);
    // Kept.
    expect((settingsFile(v)['remoteTokens'] as Record<string, string>)['speaker']).toBe(tokenOf(after.links!.speaker));
    expect(v.output()).not.toContain(tokenOf(after.links!.speaker));
    expect(r.output()).not.toContain(tokenOf(after.links!.speaker));
  });
});

describe('the remote moderator (co-host) switched from the console', () => {
  it('gets its own link when switched on, runs the clock through the relay, and is refused (403) once off', async () => {
    const r = await relay();
    const v = await venue();
    await setRelay(v, { url: r.url, key: r.key, enabled: true });
    await stateIs(v, 'connected');
    await relayHoldsVenue(r.url);
    const on = await setRelay(v, { cohost: true });
    expect(on.json.settings.cohost).toBe(true);
    const cohost = tokenOf(on.json.links!.moderator!);
    expect(new URL(on.json.links!.moderator!).pathname).toBe('/moderator');
    expect(Object.values(v.tokens)).not.toContain(cohost);
    const state = await (await fetch(`${v.url}/api/v1/state`)).json() as { clock: { currentItemId: string } };
    const started = await fetch(`${r.url}/api/v1/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cohost}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'start', expectedItemId: state.clock.currentItemId }),
    });
    expect(started.status, await started.clone().text()).toBe(200);
    expect(((await (await fetch(`${v.url}/api/v1/state`)).json()) as { clock: { status: string } }).clock.status).toBe('running');
    // The console's page is served on the relay for it.
    expect((await fetch(`${r.url}/moderator`)).status).toBe(200);

    await setRelay(v, { cohost: false });
    const refused = await until('the relay to refuse the co-host', async () => {
      const res = await fetch(`${r.url}/api/v1/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cohost}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message.speaker', text: 'from afar' }),
      });
      return res.status === 403 ? ((await res.json()) as { error: { message: string } }) : undefined;
    });
    expect(refused.error.message).toMatch(/remote moderator is switched off at the venue/);
    // Switched on again: the same link (rotate it for a new one).
    expect(tokenOf((await setRelay(v, { cohost: true })).json.links!.moderator!)).toBe(cohost);
    expect(tokenOf((await rotate(v, 'moderator')).json.links!.moderator!)).not.toBe(cohost);
  });
});
