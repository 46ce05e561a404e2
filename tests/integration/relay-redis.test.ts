import { createClient } from 'redis';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { VenueLinkState } from '../../shared/contract/relay';
import type { StatePatch } from '../../shared/contract/state';
import { apiClient } from '../helpers/api-client';
import { startFailoverProxy, type FailoverProxy } from '../helpers/failover-proxy';
import { REDIS_SERVER, freePort, startRedis, type StartedRedis } from '../helpers/redis-server';
import { linkedStatus, makeRelayKey, relayStatus, startRelay, tokenOf, until, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, nextEvent, type TestSocket } from '../helpers/socket-client';

// Several relay processes on one Redis (`--redis`, docs/remote.md). A real redis-server on a free
// loopback port per test (npm test installs Debian's redis-server when it is missing).
if (!REDIS_SERVER) console.warn('relay-redis: redis-server is not installed (sudo apt-get install -y redis-server): these tests are skipped');

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface Cluster {
  redis: StartedRedis;
  key: string;
  /** The venue's way to the relays: the first one alive, as a load balancer's failover does. */
  balancer: FailoverProxy;
  relays: StartedRelay[];
  venue: StartedServer;
  links: { speaker: string; booth: string; audience: string };
}

async function relayOn(redis: StartedRedis, key: string, balancerPort: number): Promise<StartedRelay> {
  const relay = await startRelay({ key, args: ['--redis', redis.url, '--allowed-hosts', `127.0.0.1:${balancerPort}`] });
  cleanup.push(() => relay.kill());
  return relay;
}

/** Redis, relays A and B on it, and a venue linked through the balancer (which puts it on A). */
async function cluster(): Promise<Cluster> {
  const redis = await startRedis();
  cleanup.push(() => redis.stop());
  const key = makeRelayKey();
  const targets: number[] = [];
  const balancer = await startFailoverProxy(targets);
  cleanup.push(() => balancer.close());
  const relays = [await relayOn(redis, key, balancer.port), await relayOn(redis, key, balancer.port)];
  targets.push(...relays.map((r) => r.port));
  const venue = await startServer({ args: ['--relay', `http://127.0.0.1:${balancer.port}`, '--relay-key', key] });
  cleanup.push(() => (venue.process.exitCode === null && venue.process.signalCode === null ? venue.kill() : undefined));
  const status = await linkedStatus(venue);
  for (const relay of relays) await until('every relay to know the venue linked', () => health(relay).then((h) => (h.venues.main === 'linked' ? true : undefined)));
  return { redis, key, balancer, relays, venue, links: status.links! };
}

const health = async (relay: StartedRelay) => (await fetch(`${relay.url}/api/v1/health`).then((r) => r.json())) as { venues: { main: VenueLinkState } };

async function viewer(relay: StartedRelay, token: string): Promise<{ socket: TestSocket; revision: number; patches: StatePatch[] }> {
  const { socket, snapshot, patches } = await connectSocket(relay.url, token);
  cleanup.push(() => void socket.close());
  return { socket, revision: snapshot.revision, patches };
}

const venueState = (socket: TestSocket, state: VenueLinkState) =>
  new Promise<void>((resolve) => {
    const on = (s: VenueLinkState) => {
      if (s !== state) return;
      socket.off('relay:venue', on);
      resolve();
    };
    socket.on('relay:venue', on);
  });

describe.skipIf(!REDIS_SERVER)('relay on Redis: several processes share the venue', () => {
  it('serves a viewer on relay B from the snapshot in Redis while the venue is linked to A, and B follows every command', async () => {
    const { redis, key, relays, venue, links } = await cluster();
    const [a, b] = relays as [StartedRelay, StartedRelay];
    expect(a.output()).toMatch(/venue linked on channel "main"/);
    expect(b.output()).not.toMatch(/venue linked on channel/);
    const control = apiClient(venue.url, venue.tokens.control);
    const atVenue = await control.state();
    const onB = await viewer(b, tokenOf(links.speaker));
    expect(onB.revision).toBe(atVenue.revision);
    // GET /api/v1/state on B answers the venue's state, as A would.
    expect((await apiClient(b.url, tokenOf(links.audience)).state()).revision).toBe(atVenue.revision);

    const item = atVenue.clock.currentItemId;
    for (const command of [
      { type: 'start', expectedItemId: item },
      { type: 'pause', expectedItemId: item },
      { type: 'message.speaker', text: 'One minute more' },
      { type: 'next', expectedItemId: item },
    ]) {
      const patch = nextEvent(onB.socket, 'state:patch');
      const res = await control.command(command);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await patch).revision).toBe(res.body.revision);
    }
    // A third process started now finds the latest snapshot in Redis and serves it at once.
    const c = await relayOn(redis, key, 0);
    const onC = await viewer(c, tokenOf(links.speaker));
    expect(onC.revision).toBe((await control.state()).revision);
    // The clock a view estimates through B is the venue's (B uses A's measure of it).
    const sentAt = Date.now();
    const pong = await new Promise<{ serverTime: number }>((resolve) => onB.socket.emit('time:ping', sentAt, resolve));
    expect(Math.abs(pong.serverTime - sentAt)).toBeLessThan(1000);
  });

  it("takes a booth request received by B to the venue through A, and refuses it visibly when no process holds the link", async () => {
    const { relays, venue, links } = await cluster();
    const b = relays[1]!;
    const booth = apiClient(b.url, tokenOf(links.booth));
    const res = await booth.command({ type: 'booth.request', booth: 'Remote booth', kind: 'slow-down' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const atVenue = await apiClient(venue.url, venue.tokens.control).state();
    expect(atVenue.booth.requests.map((r) => [r.booth, r.kind])).toContainEqual(['Remote booth', 'slow-down']);
    // The venue still checks the booth role: a booth may not run the clock, through B neither.
    expect((await booth.command({ type: 'start', expectedItemId: atVenue.clock.currentItemId })).status).toBe(403);
    // Speaker links may send nothing, on any process.
    expect((await apiClient(b.url, tokenOf(links.speaker)).command({ type: 'booth.request', booth: 'X', kind: 'slow-down' })).status).toBe(403);

    const onB = await viewer(b, tokenOf(links.booth));
    const lost = venueState(onB.socket, 'lost');
    await venue.kill();
    await lost;
    const refused = await booth.command({ type: 'booth.request', booth: 'Remote booth', kind: 'no-audio' });
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('venue-unavailable');
  });

  it('moves everything to B when A is killed: the venue relinks through the balancer, B\'s viewers carry on, A\'s reconnect to B', async () => {
    const { relays, venue, links } = await cluster();
    const [a, b] = relays as [StartedRelay, StartedRelay];
    const onA = await viewer(a, tokenOf(links.speaker));
    const onB = await viewer(b, tokenOf(links.booth));
    const closedOnA = new Promise<void>((resolve) => onA.socket.once('disconnect', () => resolve()));
    await a.kill();
    await closedOnA;
    // The venue's link dropped with A; it relinks through the balancer, which now reaches B. (B's
    // viewers hear "lost" only if that takes longer than the 2 s of silence B allows A's link.)
    await until('the venue to relink through B', () => (/venue linked on channel "main"/.test(b.output()) ? true : undefined), 20_000);
    await until('the venue to say so', async () => ((await relayStatus(venue.url, venue.tokens.control)).state === 'connected' ? true : undefined), 20_000);
    await until('B to count the venue linked', () => health(b).then((h) => (h.venues.main === 'linked' ? true : undefined)));
    // Commands at the venue reach B's viewers, and a booth request through B reaches the venue.
    const control = apiClient(venue.url, venue.tokens.control);
    const patch = nextEvent(onB.socket, 'state:patch', (p) => p.messages?.speaker?.text === 'After the failover');
    const res = await control.command({ type: 'message.speaker', text: 'After the failover' });
    expect(res.status).toBe(200);
    await patch;
    const requested = nextEvent(onB.socket, 'state:patch', (p) => p.booth !== undefined);
    expect((await apiClient(b.url, tokenOf(links.booth)).command({ type: 'booth.request', booth: 'Remote booth', kind: 'slow-down' })).status).toBe(200);
    await requested;
    // A's viewer, reconnecting (here straight to B), gets the latest state: nothing was lost.
    const again = await viewer(b, tokenOf(links.speaker));
    expect(again.revision).toBe((await control.state()).revision);
  });

  it("tells B's viewers the venue is lost within 3 s when A dies and the venue cannot relink, and answers booth requests visibly", async () => {
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const key = makeRelayKey();
    const a = await relayOn(redis, key, 0);
    const b = await relayOn(redis, key, 0);
    // The venue links to A directly: with A gone, it has nowhere to go.
    const venue = await startServer({ args: ['--relay', a.url, '--relay-key', key] });
    cleanup.push(() => venue.kill());
    const status = await linkedStatus(venue);
    await until('B to count the venue linked', () => health(b).then((h) => (h.venues.main === 'linked' ? true : undefined)));
    const onB = await viewer(b, tokenOf(status.links!.booth));
    const lost = venueState(onB.socket, 'lost');
    await a.kill();
    const killedAt = Date.now();
    await lost;
    // 2 s of silence, checked every 250 ms: well within the 3 s the views promise.
    expect(Date.now() - killedAt).toBeLessThan(3000);
    expect((await health(b)).venues.main).toBe('lost');
    const refused = await apiClient(b.url, tokenOf(status.links!.booth)).command({ type: 'booth.request', booth: 'Remote booth', kind: 'no-audio' });
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('venue-unavailable');
    // B's viewers keep their connection and the last state.
    expect(onB.socket.connected).toBe(true);
  });

  it('lets an older link go when the venue links again through another process', async () => {
    const { relays } = await cluster();
    const [a, b] = relays as [StartedRelay, StartedRelay];
    // A newer link on the same channel through B (as a venue whose old connection to A is half-open would make).
    const newer = io(`${b.url}/link`, { transports: ['websocket'], auth: { key: a.key, channel: 'main' }, reconnection: false, forceNew: true });
    cleanup.push(() => void newer.close());
    await until('A to let its link go', () => (/venue link on channel "main" taken over by another relay process/.test(a.output()) ? true : undefined));
    expect(b.output()).toMatch(/venue linked on channel "main"/);
  });

  it('refuses to start when Redis cannot be reached, naming it without its password', async () => {
    const port = await freePort();
    const started = startRelay({ key: makeRelayKey(), args: ['--redis', `redis://:s3cret-pw@127.0.0.1:${port}`] });
    await expect(started).rejects.toThrow(new RegExp(`--redis: cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}`));
    await expect(started).rejects.not.toThrow(/s3cret-pw/);
  });

  it('keeps no token in clear in Redis', async () => {
    const { redis, links } = await cluster();
    const client = createClient({ url: redis.url });
    await client.connect();
    cleanup.push(() => void client.destroy());
    const dumpRedis = async (): Promise<string> => {
      const dump: string[] = [];
      for (const key of await client.keys('*')) {
        const type = await client.type(key);
        if (type === 'hash') dump.push(JSON.stringify(await client.hGetAll(key)));
        else if (type === 'set') dump.push(JSON.stringify(await client.sMembers(key)));
        else if (type === 'string') dump.push((await client.get(key)) ?? '');
      }
      return dump.join('\n');
    };
    // The snapshot is written off the fan-out path (at most every 100 ms): wait until it is there.
    const dump = await until('the snapshot to be in Redis', async () => {
      const text = await dumpRedis();
      return /revision/.test(text) ? text : undefined;
    });
    for (const link of Object.values(links)) expect(dump).not.toContain(tokenOf(link));
  });

  it('gives a late joiner on B, right after a burst, a snapshot at least as new as the patches it is then sent: no gap; Redis gets the snapshot coalesced, not once per patch', async () => {
    const { redis, relays, venue, links } = await cluster();
    const b = relays[1]!;
    const control = apiClient(venue.url, venue.tokens.control);
    const monitor = createClient({ url: redis.url });
    await monitor.connect();
    cleanup.push(() => void monitor.destroy());
    let snapshotWrites = 0;
    await monitor.monitor((line) => {
      if (/"hset".*"snapshot"/i.test(line)) snapshotWrites += 1;
    });

    /** A viewer on B: its snapshot's revision, then every patch revision it is sent. */
    const join = async () => {
      // Every patch it is sent, heard from the moment it connects (none is missed while the snapshot is read).
      const { revision, patches } = await viewer(b, tokenOf(links.speaker));
      return {
        revision,
        get patches() {
          return patches.map((p) => p.revision);
        },
      };
    };
    const BURST = 40;
    const first = await join();
    const burst = Promise.all(Array.from({ length: BURST }, (_, i) => control.command({ type: 'message.speaker', text: `burst ${i}` })));
    const during = [await join(), await join()];
    const answers = await burst;
    const right = await join();
    const last = Math.max(...answers.map((a) => a.body.revision!));
    for (const joiner of [first, ...during, right]) {
      await until('the joiner to reach the last revision', () => (Math.max(joiner.revision, ...joiner.patches) >= last ? true : undefined));
      // Patches at or below the snapshot's revision are stale (ignored by views); the rest follow it one by one.
      const newer = joiner.patches.filter((r) => r > joiner.revision);
      expect(newer, `joined at ${joiner.revision}`).toEqual(Array.from({ length: last - joiner.revision }, (_, i) => joiner.revision + 1 + i));
    }
    expect(first.patches).toHaveLength(BURST);
    // Written off the fan-out path, at most every 100 ms: a burst of 40 patches is a few writes.
    await until('the last snapshot to be written to Redis', async () => {
      const stored = await monitor.duplicate().connect().then(async (c) => {
        const text = await c.hGet('rostrum:relay:channel:main', 'snapshot');
        c.destroy();
        return text;
      });
      return stored && (JSON.parse(stored) as { revision: number }).revision === last ? true : undefined;
    });
    expect(snapshotWrites).toBeLessThan(BURST / 2);
    console.log(`burst of ${BURST} patches: ${snapshotWrites} snapshot writes to Redis`);
  });
});
