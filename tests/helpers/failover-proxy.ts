import { connect, createServer, type Socket } from 'node:net';

export interface FailoverProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A loopback TCP balancer over `targets` (ports), as a load balancer does health-wise: each new
 * connection goes to the first target that accepts it. A target that dies loses its connections;
 * the clients' reconnects land on the next one alive.
 */
export function startFailoverProxy(targets: number[]): Promise<FailoverProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.pause();
    const attempt = (i: number) => {
      if (i >= targets.length) return void client.destroy();
      const upstream = connect(targets[i]!, '127.0.0.1');
      upstream.once('error', () => {
        if (!upstream.readable && !client.destroyed && upstream.bytesRead === 0 && !connected) attempt(i + 1);
        else client.destroy();
      });
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
        client.resume();
      });
    };
    attempt(0);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
