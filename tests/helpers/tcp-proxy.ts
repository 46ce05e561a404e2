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
 * calling them in the order given keeps each stream in order.
 */
export function startTcpProxy(targetPort: number, relay: (deliver: () => void) => void): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;

  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect(targetPort, '127.0.0.1');
    const pipe = (from: Socket, to: Socket) => {
      sockets.add(from);
      from.on('data', (chunk: Buffer) => relay(() => to.destroyed || to.write(chunk)));
      from.on('end', () => relay(() => to.end()));
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
