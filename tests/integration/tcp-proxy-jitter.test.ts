import { connect, createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { jitteredDelay, startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

let echo: Server | undefined;
let proxy: TcpProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  await new Promise((r) => (echo ? echo.close(r) : r(undefined)));
});

/** An echo server behind a jittered proxy; resolves with a client socket and the proxy. */
async function throughJitter(random: () => number) {
  echo = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo!.listen(0, '127.0.0.1', r));
  const port = (echo.address() as { port: number }).port;
  proxy = await startTcpProxy(port, jitteredDelay(75, 40, random));
  const client = connect(proxy.port, '127.0.0.1');
  await new Promise((r) => client.once('connect', r));
  return client;
}

describe('jitteredDelay (the bench link: 75 ms ± 40 ms each way)', () => {
  it('holds a chunk back at least the shortest delay each way', async () => {
    const client = await throughJitter(() => 0); // always the low end: 35 ms each way
    const t0 = performance.now();
    client.write('x');
    await new Promise((r) => client.once('data', r));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(2 * 35 - 1);
    client.destroy();
  });

  it('keeps each stream in order when a later chunk draws a shorter delay', async () => {
    let n = 0;
    // 115 ms for the first chunk, 35 ms for the next, and so on: the second would overtake the first.
    const client = await throughJitter(() => (n++ % 2 === 0 ? 1 : 0));
    let received = '';
    client.on('data', (c: Buffer) => (received += c.toString()));
    for (const letter of 'abcdef') {
      client.write(letter);
      // Spaced so that each letter is its own chunk at the proxy.
      await new Promise((r) => setTimeout(r, 15));
    }
    await new Promise<void>((r) => {
      const check = () => (received.length >= 6 ? r() : client.once('data', check));
      check();
    });
    expect(received).toBe('abcdef');
    client.destroy();
  });
});
