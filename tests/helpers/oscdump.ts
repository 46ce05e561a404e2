import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Message, encode } from 'node-osc';

/** oscdump and oscsend from liblo-tools (apt-get install -y liblo-tools) are on this machine. */
export const HAS_LIBLO = spawnSync('oscdump', ['-h'], { stdio: 'ignore' }).error === undefined && spawnSync('oscsend', [], { stdio: 'ignore' }).error === undefined;

export interface OscDump {
  port: number;
  /** Everything oscdump printed so far. */
  output(): string;
  /** oscdump's lines for an address, arguments only (`ss "running" "down"`), in order. */
  lines(address: string): string[];
  stop(): void;
}

async function freeUdpPort(): Promise<number> {
  const probe = createSocket('udp4');
  const port = await new Promise<number>((r) => probe.bind(0, '127.0.0.1', () => r(probe.address().port)));
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

/** Starts `oscdump -L` on a free UDP port of 127.0.0.1 and resolves once it receives, so no start-up feedback is lost. */
export async function startOscDump(): Promise<OscDump> {
  const port = await freeUdpPort();
  const dump: ChildProcess = spawn('oscdump', ['-L', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  dump.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  // oscdump binds asynchronously: probe until it prints a packet.
  const ping = createSocket('udp4');
  while (!out.includes('/ready')) {
    ping.send(encode(new Message('/ready')), port, '127.0.0.1');
    // A ping sent before it bound is lost: ask again after a moment rather than wait for ever.
    await new Promise((r) => {
      const again = setTimeout(r, 200);
      dump.stdout!.once('data', () => (clearTimeout(again), r(null)));
    });
  }
  ping.close();
  return {
    port,
    output: () => out,
    lines: (address) =>
      out
        .split('\n')
        .filter((l) => l.includes(` ${address} `))
        .map((l) => l.slice(l.indexOf(` ${address} `) + address.length + 2)),
    stop: () => void dump.kill('SIGTERM'),
  };
}
