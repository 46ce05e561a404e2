import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkStatus } from '../../../shared/contract/link-status';
import type { Snapshot, StatePatch } from '../../../shared/contract/state';
import type { PatchResult } from '../../../shared/contract/state-sync';

/**
 * The link both the views (connection.ts) and the lower third use (renderer/app/socket-link.ts),
 * against a stand-in for socket.io-client's socket (a library, not our code), with fake timers.
 */
class FakeSocket {
  connected = false;
  /** socket.io-client's `active`: false once the server refused the handshake. */
  active = true;
  connects = 0;
  emitted: string[] = [];
  io = { engine: { close: () => undefined } };
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  constructor(readonly options: Record<string, unknown>) {}
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  off() {
    return this;
  }
  emit(event: string) {
    this.emitted.push(event);
    return this;
  }
  timeout() {
    return { emit: () => undefined };
  }
  connect() {
    this.connects += 1;
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

const sockets: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({ io: (options: Record<string, unknown>) => sockets[sockets.push(new FakeSocket(options)) - 1] }));

/** A sink whose patches come out as the test says, recording what it was told. */
function makeSink() {
  const sink = {
    links: [] as LinkStatus[],
    snapshots: [] as Snapshot[],
    nextPatch: 'applied' as PatchResult['kind'],
    current: 'connecting' as LinkStatus,
    snapshot: (s: Snapshot) => void sink.snapshots.push(s),
    patch: (_p: StatePatch) => sink.nextPatch,
    link: () => sink.current,
    setLink: (l: LinkStatus) => {
      sink.current = l;
      sink.links.push(l);
    },
  };
  return sink;
}

async function open(options: { token?: string; room?: string; dropExpected?: () => boolean } = {}) {
  const { openSocketLink } = await import('../../../renderer/app/socket-link');
  const clock = await import('../../../renderer/app/server-clock');
  const sink = makeSink();
  openSocketLink({ token: options.token, room: options.room ?? 'main', ...(options.dropExpected ? { dropExpected: options.dropExpected } : {}) }, sink);
  return { socket: sockets.at(-1)!, sink, clock };
}

const patch = {} as StatePatch;

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});
afterEach(() => {
  sockets.length = 0;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('socket link', () => {
  it('hands the token over, and names the room only when it is not main', async () => {
    const { socket } = await open({ token: 'view-1' });
    expect(socket.options['auth']).toEqual({ token: 'view-1' });
    expect(socket.options['query']).toBeUndefined();
    const inRoom = (await open({ room: 'hall-b' })).socket;
    expect(inRoom.options['auth']).toEqual({});
    expect(inRoom.options['query']).toEqual({ room: 'hall-b' });
  });

  it('gives each snapshot to the sink and seeds the server clock from it', async () => {
    const { socket, sink, clock } = await open();
    const serverTime = clock.localNow() + 60_000;
    socket.fire('state:snapshot', { serverTime } as Snapshot);
    expect(sink.snapshots).toHaveLength(1);
    expect(clock.clockOffsetMs()).toBeCloseTo(60_000, -1);
  });

  it('asks for a snapshot on a revision gap, at most every 2 s while it waits, at once again after one came', async () => {
    const { socket, sink } = await open();
    sink.nextPatch = 'gap';
    socket.fire('state:patch', patch);
    expect(socket.emitted).toEqual([]); // not connected: nothing to ask
    socket.fire('connect');
    socket.fire('state:patch', patch);
    socket.fire('state:patch', patch);
    expect(socket.emitted).toEqual(['state:request']);
    vi.advanceTimersByTime(2000);
    socket.fire('state:patch', patch);
    expect(socket.emitted).toEqual(['state:request', 'state:request']);
    socket.fire('state:snapshot', { serverTime: Date.now() } as Snapshot);
    socket.fire('state:patch', patch);
    expect(socket.emitted).toHaveLength(3);
    sink.nextPatch = 'applied';
    socket.fire('state:patch', patch);
    sink.nextPatch = 'stale';
    socket.fire('state:patch', patch);
    expect(socket.emitted).toHaveLength(3);
  });

  it('is online once connected, offline while the server cannot be reached', async () => {
    const { socket, sink } = await open();
    socket.fire('connect');
    expect(sink.current).toBe('online');
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(sink.current).toBe('offline');
  });

  it('says unauthorized when the key is refused, and does not retry; any other refusal retries after 5 s', async () => {
    const { socket, sink } = await open();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error('refused'), { data: { code: 'unauthorized' } }));
    expect(sink.current).toBe('unauthorized');
    vi.advanceTimersByTime(10_000);
    expect(socket.connects).toBe(0);
    expect(sink.current).toBe('unauthorized'); // the time sync's "not alive" does not hide it

    const other = await open();
    other.socket.active = false;
    other.socket.fire('connect_error', new Error('too many connections'));
    expect(other.sink.current).toBe('offline');
    vi.advanceTimersByTime(4999);
    expect(other.socket.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(other.socket.connects).toBe(1);
  });

  it('connects again when the server drops it, unless the page expects the drop (its own token rotated)', async () => {
    const { socket } = await open();
    socket.fire('connect');
    socket.fire('disconnect', 'io server disconnect');
    expect(socket.connects).toBe(1);
    socket.fire('disconnect', 'transport close'); // socket.io reconnects by itself
    expect(socket.connects).toBe(1);

    let rotating = true;
    const own = (await open({ dropExpected: () => rotating })).socket;
    own.fire('connect');
    own.fire('disconnect', 'io server disconnect');
    expect(own.connects).toBe(0);
    rotating = false;
    own.fire('connect');
    own.fire('disconnect', 'io server disconnect');
    expect(own.connects).toBe(1);
  });
});
