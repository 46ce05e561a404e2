import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** How many connections the proxy has accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy to `targetPort`. Every chunk and every end-of-stream, in both directions,
 * goes through `relay`, which calls `deliver` when it should pass (now, later, or once released);
 * calling them in the order given keeps each stream in order. `stream` is the same object for every
 * chunk of one direction of one connection (a key to keep that stream in order).
 */
export function startTcpProxy(targetPort: number, relay: (deliver: () => void, stream: object) => void): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;

  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect(targetPort, '127.0.0.1');
    const pipe = (from: Socket, to: Socket) => {
      sockets.add(from);
      from.on('data', (chunk: Buffer) => relay(() => to.destroyed || to.write(chunk), from));
      from.on('end', () => relay(() => to.end(), from));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        connections: () => accepted,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * A `relay` for startTcpProxy: each chunk waits `oneWayMs` ± up to `jitterMs` (uniform, from
 * `random`), but never overtakes the chunk before it in the same stream (TCP keeps order: a late
 * chunk holds back the next, as on a real link). 75 ± 40 ms each way is a 150 ms round trip.
 */
export function jitteredDelay(oneWayMs: number, jitterMs: number, random: () => number = Math.random): (deliver: () => void, stream: object) => void {
  const queues = new WeakMap<object, { due: number; deliver: () => void }[]>();
  const drain = (queue: { due: number; deliver: () => void }[]) => {
    while (queue.length > 0 && queue[0]!.due <= performance.now()) queue.shift()!.deliver();
    if (queue.length > 0) setTimeout(() => drain(queue), queue[0]!.due - performance.now());
  };
  return (deliver, stream) => {
    let queue = queues.get(stream);
    if (!queue) queues.set(stream, (queue = []));
    const wanted = performance.now() + Math.max(0, oneWayMs + (random() * 2 - 1) * jitterMs);
    const due = Math.max(wanted, queue.at(-1)?.due ?? 0);
    queue.push({ due, deliver });
    if (queue.length === 1) setTimeout(() => drain(queue), due - performance.now());
  };
}
