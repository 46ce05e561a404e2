import { connect, createServer, type Socket } from 'node:net';

export interface FreezeProxy {
  port: number;
  /** How many connections the proxy has accepted so far. */
  connections(): number;
  /** From now on nothing crosses, either way, on open or new connections: a silent drop. */
  freeze(): void;
  /** Delivers what was held back, in order, and passes traffic again. */
  resume(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy that can be frozen: connections stay open but go silent, as when a
 * switch or an access point stops forwarding. Neither end sees a close or a reset.
 */
export function startFreezeProxy(targetPort: number): Promise<FreezeProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const held: Array<() => void> = [];
  let accepted = 0;

  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect(targetPort, '127.0.0.1');
    const pipe = (from: Socket, to: Socket) => {
      sockets.add(from);
      const forward = (chunk: Buffer) => {
        if (!to.destroyed) to.write(chunk);
      };
      const end = () => to.end();
      from.on('data', (chunk: Buffer) => (frozen ? held.push(() => forward(chunk)) : forward(chunk)));
      from.on('end', () => (frozen ? held.push(end) : end()));
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
        freeze: () => {
          frozen = true;
        },
        resume: () => {
          frozen = false;
          for (const deliver of held.splice(0)) deliver();
        },
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
