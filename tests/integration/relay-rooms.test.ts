import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../shared/contract/relay';
import type { Snapshot } from '../../shared/contract/state';
import { apiClient } from '../helpers/api-client';
import { REDIS_SERVER, startRedis } from '../helpers/redis-server';
import { makeRelayKey, relayHoldsVenue, startRelay, tokenOf, until, type StartedRelay } from '../helpers/relay-process';
import { addRoom, fixtureAgenda, importFixture } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, nextEvent, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * Rooms through the relay (docs/remote.md, docs/rooms.md): each room of the venue is linked as its
 * own channel, with its own remote tokens; the token a remote person presents picks the room. A
 * breakout's links read and follow the breakout only, main's main only, and a removed room's links
 * stop working. Real processes: a relay and a venue linked to it.
 */
let relay: StartedRelay;
let venue: StartedServer;
const sockets: TestSocket[] = [];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const roomPath = (room: string, rest: string) => (room === 'main' ? `/api/v1/${rest}` : `/api/v1/rooms/${room}/${rest}`);

async function roomRelay(room: string): Promise<{ status: number; body: RelayStatus }> {
  const res = await fetch(`${venue.url}${roomPath(room, 'relay')}`, { headers: bearer(venue.tokens.control) });
  return { status: res.status, body: (await res.json()) as RelayStatus };
}
/** A room's relay status once its link is up and the relay holds its state. */
async function roomLinked(room: string): Promise<RelayStatus> {
  const status = await until(`room "${room}" to link`, async () => {
    const s = (await roomRelay(room)).body;
    return s.state === 'connected' && s.links !== null ? s : undefined;
  });
  await until(`the relay to hold room "${room}"`, async () => ((await health()).venues[room] === 'linked' ? true : undefined));
  return status;
}
const health = async () => (await fetch(`${relay.url}/api/v1/health`).then((r) => r.json())) as { venues: Record<string, string> };
const venueState = (room: string): Promise<Snapshot> => fetch(`${venue.url}${roomPath(room, 'state')}`, { headers: bearer(venue.tokens.control) }).then((r) => r.json() as Promise<Snapshot>);
const venueCommand = async (room: string, command: object) => {
  const res = await fetch(`${venue.url}${roomPath(room, 'commands')}`, { method: 'POST', headers: { ...bearer(venue.tokens.control), 'content-type': 'application/json' }, body: JSON.stringify(command) });
  expect(res.status, await res.clone().text()).toBe(200);
};
const itemIds = (s: Snapshot) => s.agenda.sessions.flatMap((session) => session.items.map((item) => item.id));
async function viewer(token: string) {
  const connected = await connectSocket(relay.url, token);
  sockets.push(connected.socket);
  return connected;
}

beforeAll(async () => {
  relay = await startRelay();
  venue = await startServer({ args: ['--relay', relay.url, '--relay-key', relay.key] });
  await importFixture(venue, 'main');
  expect((await addRoom(venue, { id: 'breakout', name: { en: 'Breakout', zh: '分会场' } })).status).toBe(200);
  const imported = await fetch(`${venue.url}/api/v1/rooms/breakout/agenda/import?format=json&apply=true`, {
    method: 'POST',
    headers: { ...bearer(venue.tokens.control), 'content-type': 'application/octet-stream' },
    body: fixtureAgenda('breakout-a'),
  });
  expect(imported.status, await imported.clone().text()).toBe(200);
  await relayHoldsVenue(relay.url);
});
afterAll(async () => {
  for (const s of sockets.splice(0)) s.close();
  await venue?.stop();
  await relay?.kill();
});

describe('relay: every room is its own channel', () => {
  it("answers each room's remote links, with tokens of its own; the relay's health lists each room", async () => {
    const main = await roomLinked('main');
    const breakout = await roomLinked('breakout');
    const mainTokens = Object.values(main.links!).map(tokenOf);
    const breakoutTokens = Object.values(breakout.links!).map(tokenOf);
    expect(new Set([...mainTokens, ...breakoutTokens]).size).toBe(mainTokens.length + breakoutTokens.length);
    // The same shape as main's: the relay's public URL, the same paths; the personal links are breakout's items.
    expect(breakout.links!.speaker).toBe(`${relay.url}/speaker?token=${tokenOf(breakout.links!.speaker)}`);
    expect(breakout.speakerLinks.map((l) => l.itemId)).toEqual(itemIds(await venueState('breakout')));
    expect(breakout.speakerLinks.every((l) => tokenOf(l.url) === tokenOf(breakout.links!.speaker))).toBe(true);
    expect((await health()).venues).toEqual({ main: 'linked', breakout: 'linked' });
    // Unknown room: named.
    expect((await roomRelay('nowhere')).status).toBe(404);
  });

  it("relay-room-token-other-room: a breakout's remote speaker reads the breakout (HTTP and socket), follows its commands and sees nothing of main's; main's reads main", async () => {
    const breakout = await roomLinked('breakout');
    const main = await roomLinked('main');
    const breakoutSpeaker = tokenOf(breakout.links!.speaker);
    const mainSpeaker = tokenOf(main.links!.speaker);
    const atBreakout = await venueState('breakout');
    const atMain = await venueState('main');
    expect(itemIds(atBreakout)).not.toEqual(itemIds(atMain));

    expect(itemIds(await apiClient(relay.url, breakoutSpeaker).state())).toEqual(itemIds(atBreakout));
    expect(itemIds(await apiClient(relay.url, mainSpeaker).state())).toEqual(itemIds(atMain));
    const far = await viewer(breakoutSpeaker);
    const home = await viewer(mainSpeaker);
    expect(itemIds(far.snapshot)).toEqual(itemIds(atBreakout));
    expect(itemIds(home.snapshot)).toEqual(itemIds(atMain));

    // A message in main reaches main's remote speaker only.
    const mainSaid = nextEvent(home.socket, 'state:patch', (p) => p.messages?.speaker?.text === 'Main: two minutes');
    await venueCommand('main', { type: 'message.speaker', text: 'Main: two minutes' });
    await mainSaid;
    // Start and a message in the breakout reach the breakout's.
    const started = nextEvent(far.socket, 'state:patch', (p) => p.clock?.status === 'running');
    await venueCommand('breakout', { type: 'start', expectedItemId: atBreakout.clock.currentItemId ?? itemIds(atBreakout)[0] });
    await started;
    const said = nextEvent(far.socket, 'state:patch', (p) => p.messages?.speaker?.text === 'Breakout: wrap up');
    await venueCommand('breakout', { type: 'message.speaker', text: 'Breakout: wrap up' });
    await said;

    const remoteBreakout = await apiClient(relay.url, breakoutSpeaker).state();
    expect(remoteBreakout.clock.status).toBe('running');
    expect(remoteBreakout.messages.speaker?.text).toBe('Breakout: wrap up');
    const remoteMain = await apiClient(relay.url, mainSpeaker).state();
    expect(remoteMain.clock.status).toBe(atMain.clock.status);
    expect(remoteMain.messages.speaker?.text).toBe('Main: two minutes');
    // Main's message never went to the breakout's viewer; the breakout's never to main's.
    expect(far.patches.some((p) => JSON.stringify(p).includes('Main: two minutes'))).toBe(false);
    expect(home.patches.some((p) => JSON.stringify(p).includes('Breakout:'))).toBe(false);
  });

  it("takes a breakout booth's request to the breakout's core, not main's", async () => {
    const breakout = await roomLinked('breakout');
    const booth = tokenOf(breakout.links!.booth);
    const http = await apiClient(relay.url, booth).command({ type: 'booth.request', booth: 'Remote EN', kind: 'slow-down' });
    expect(http.status, JSON.stringify(http.body)).toBe(200);
    const { socket } = await viewer(booth);
    const ack = await sendCommand(socket, { type: 'booth.request', booth: 'Remote EN', kind: 'no-audio' });
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    const requests = (s: Snapshot) => s.booth.requests.filter((r) => r.booth === 'Remote EN').map((r) => r.kind).sort();
    expect(requests(await venueState('breakout'))).toEqual(['no-audio', 'slow-down']);
    expect(requests(await venueState('main'))).toEqual([]);
  });

  it("renews one room's remote token without touching another's", async () => {
    const breakout = await roomLinked('breakout');
    const main = await roomLinked('main');
    const old = tokenOf(breakout.links!.audience);
    const { socket } = await viewer(old);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await fetch(`${venue.url}/api/v1/rooms/breakout/relay/tokens/rotate`, { method: 'POST', headers: { ...bearer(venue.tokens.control), 'content-type': 'application/json' }, body: JSON.stringify({ role: 'audience' }) });
    expect(res.status).toBe(200);
    const after = (await res.json()) as RelayStatus;
    expect(tokenOf(after.links!.audience)).not.toBe(old);
    expect(await dropped).toBe('io server disconnect');
    expect((await fetch(`${relay.url}/api/v1/state`, { headers: bearer(old) })).status).toBe(401);
    expect((await apiClient(relay.url, tokenOf(after.links!.audience)).state()).agenda.sessions.length).toBeGreaterThan(0);
    expect((await roomRelay('main')).body.links).toEqual(main.links);
  });

  it('relay-removed-room-token: mirrors a room added after the link is up; a removed room\'s remote links stop working', async () => {
    expect((await addRoom(venue, { id: 'late', name: { en: 'Late room', zh: '后加会场' } })).status).toBe(200);
    const late = await roomLinked('late');
    const speaker = tokenOf(late.links!.speaker);
    const { socket, snapshot } = await viewer(speaker);
    expect(snapshot.revision).toBe((await venueState('late')).revision);
    expect((await health()).venues).toMatchObject({ main: 'linked', breakout: 'linked', late: 'linked' });

    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const removed = await fetch(`${venue.url}/api/v1/rooms/late/room/remove`, { method: 'POST', headers: bearer(venue.tokens.control) });
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    for (const link of Object.values(late.links!)) {
      expect((await fetch(`${relay.url}/api/v1/state`, { headers: bearer(tokenOf(link)) })).status, link).toBe(401);
      await expect(connectSocket(relay.url, tokenOf(link))).rejects.toThrow(/unauthorized/);
    }
    await until('the relay to see the room go', async () => ((await health()).venues['late'] === 'lost' ? true : undefined));
    // The others go on.
    expect((await health()).venues).toMatchObject({ main: 'linked', breakout: 'linked' });
  });

  it("keeps each room's remote links across a venue restart: links sent abroad stay valid", async () => {
    const before = await roomLinked('breakout');
    const main = await roomLinked('main');
    await venue.stop();
    venue = await venue.restart();
    // Linked afresh (the relay saw the venue go): the same links, each room's own.
    await until('the relay to see the venue back', async () => ((await roomRelay('breakout')).body.state === 'connected' ? true : undefined));
    const after = await roomLinked('breakout');
    expect(after.links).toEqual(before.links);
    expect((await roomLinked('main')).links).toEqual(main.links);
    expect(itemIds(await apiClient(relay.url, tokenOf(after.links!.speaker)).state())).toEqual(itemIds(await venueState('breakout')));
  });
});

/** A loopback TCP proxy whose traffic can be cut (every connection closed, new ones refused), as when the venue's internet drops. */
async function cuttableProxy(): Promise<{ port: number; target: (port: number) => void; cut: () => void; restore: () => void; close: () => Promise<void> }> {
  let targetPort = 0;
  let cut = false;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).on('close', () => client.destroy());
    upstream.pipe(client).on('close', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    target: (port) => void (targetPort = port),
    cut: () => {
      cut = true;
      for (const s of open) s.destroy();
    },
    restore: () => void (cut = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('relay: a room removed while the link is down', () => {
  const cleanup: (() => Promise<unknown> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('relay-removed-room-token: withdraws its tokens at the relay as soon as the link is back', { timeout: 120_000 }, async () => {
    const proxy = await cuttableProxy();
    cleanup.push(() => proxy.close());
    const far = await startRelay({ args: ['--allowed-hosts', `127.0.0.1:${proxy.port}`] });
    cleanup.push(() => far.kill());
    proxy.target(far.port);
    const site = await startServer({ args: ['--relay', `http://127.0.0.1:${proxy.port}`, '--relay-key', far.key] });
    cleanup.push(() => site.stop());
    const control = { authorization: `Bearer ${site.tokens.control}` };
    expect((await addRoom(site, { id: 'gone', name: { en: 'Gone', zh: '已删除' } })).status).toBe(200);
    const linkOf = async (room: string) => (await (await fetch(`${site.url}/api/v1/rooms/${room}/relay`, { headers: control })).json()) as RelayStatus;
    const farState = (token: string) => fetch(`${far.url}/api/v1/state`, { headers: bearer(token) }).then((r) => r.status);
    const links = await until('the room to link', async () => {
      const s = await linkOf('gone');
      return s.state === 'connected' && s.links !== null ? s.links : undefined;
    });
    const speaker = tokenOf(links.speaker);
    await until('the relay to hold the room', async () => ((await farState(speaker)) === 200 ? true : undefined));

    proxy.cut();
    await until('the venue to see the link drop', async () => ((await linkOf('gone')).state !== 'connected' ? true : undefined));
    const removed = await fetch(`${site.url}/api/v1/rooms/gone/room/remove`, { method: 'POST', headers: control });
    expect(removed.status).toBe(200);
    // The relay cannot know yet: it still answers the room's last state.
    expect(await farState(speaker)).toBe(200);

    proxy.restore();
    // The venue's reconnect backs off up to 10 s (± 50 %) while the link was down: wait through it.
    await until('the relay to drop the removed room\'s tokens', async () => ((await farState(speaker)) === 401 ? true : undefined), 60_000);
    for (const link of Object.values(links)) expect(await farState(tokenOf(link)), link).toBe(401);
    // main relinks and goes on.
    await until('main to relink', async () => ((await (await fetch(`${site.url}/api/v1/relay`, { headers: control })).json()) as RelayStatus).state === 'connected' || undefined);
  });
});

/**
 * Several relay processes on one Redis (`--redis`): the venue's rooms are linked to relay A; relay B
 * learns each channel's tokens from A's announcements, so a breakout's link opened on B reads the
 * breakout and its booth's request reaches the breakout's core through A.
 */
describe.skipIf(!REDIS_SERVER)('relay on Redis: a room through another process', () => {
  const cleanup: (() => Promise<unknown> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("serves a breakout's remote links on relay B while its venue is linked to A", async () => {
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const key = makeRelayKey();
    const a = await startRelay({ key, args: ['--redis', redis.url] });
    cleanup.push(() => a.kill());
    const b = await startRelay({ key, args: ['--redis', redis.url] });
    cleanup.push(() => b.kill());
    const site = await startServer({ args: ['--relay', a.url, '--relay-key', key] });
    cleanup.push(() => site.stop());
    expect((await addRoom(site, { id: 'breakout', name: { en: 'Breakout', zh: '分会场' } })).status).toBe(200);
    const control = { authorization: `Bearer ${site.tokens.control}` };
    const links = await until('the breakout to link', async () => {
      const s = (await (await fetch(`${site.url}/api/v1/rooms/breakout/relay`, { headers: control })).json()) as RelayStatus;
      const onB = ((await fetch(`${b.url}/api/v1/health`).then((r) => r.json())) as { venues: Record<string, string> }).venues;
      return s.state === 'connected' && s.links !== null && onB['breakout'] === 'linked' && onB['main'] === 'linked' ? s.links : undefined;
    });
    const breakoutRevision = ((await (await fetch(`${site.url}/api/v1/rooms/breakout/state`, { headers: control })).json()) as Snapshot).revision;
    const { socket, snapshot } = await connectSocket(b.url, tokenOf(links.speaker));
    cleanup.push(() => void socket.close());
    expect(snapshot.revision).toBe(breakoutRevision);
    expect(snapshot.agenda.sessions).toEqual([]);
    const res = await apiClient(b.url, tokenOf(links.booth)).command({ type: 'booth.request', booth: 'Remote ZH', kind: 'no-audio' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const atBreakout = (await (await fetch(`${site.url}/api/v1/rooms/breakout/state`, { headers: control })).json()) as Snapshot;
    expect(atBreakout.booth.requests.map((r) => r.booth)).toContain('Remote ZH');
    const atMain = (await (await fetch(`${site.url}/api/v1/state`, { headers: control })).json()) as Snapshot;
    expect(atMain.booth.requests.map((r) => r.booth)).not.toContain('Remote ZH');
  });
});
