import type { Server as HttpServer } from 'node:http';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { LanFailure } from '../../shared/contract/network';

/** This machine's LAN addresses: IPv4, not loopback (what a tablet on the venue network can reach). */
export function lanAddressesOf(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) found.add(info.address);
  }
  return [...found];
}

export const lanAddresses = (): string[] => lanAddressesOf(networkInterfaces());

export interface LanListeners {
  /** Listens on each address at `port`; resolves with the addresses that failed (the others stay open). */
  open(addresses: readonly string[], port: number): Promise<LanFailure[]>;
  /** Stops listening and drops every connection that came in through these listeners. */
  close(): Promise<void>;
  /** The addresses listened on now. */
  listening(): string[];
}

/**
 * LAN mode switched on from the console: the HTTP server stays on 127.0.0.1 (its loopback clients
 * keep their connections) and one extra listener per interface address, on the same port, hands
 * each connection to it. Switching off closes them and destroys their connections, so no device
 * on the network keeps a socket open.
 */
export function createLanListeners(http: HttpServer): LanListeners {
  const servers = new Map<string, NetServer>();
  const sockets = new Set<Socket>();

  const listenOne = (address: string, port: number): Promise<NetServer> =>
    new Promise((resolve, reject) => {
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        http.emit('connection', socket);
      });
      server.once('error', reject);
      server.listen(port, address, () => {
        server.off('error', reject);
        resolve(server);
      });
    });

  return {
    async open(addresses, port) {
      const failures: LanFailure[] = [];
      for (const address of addresses) {
        if (servers.has(address)) continue;
        try {
          servers.set(address, await listenOne(address, port));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const why = code === 'EADDRINUSE' ? `port ${port} is already in use there` : code === 'EADDRNOTAVAIL' ? 'the address is no longer on this machine' : (error as Error).message;
          failures.push({ address, message: why });
        }
      }
      return failures;
    },
    async close() {
      const closing = [...servers.values()].map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      servers.clear();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await Promise.all(closing);
    },
    listening: () => [...servers.keys()],
  };
}
