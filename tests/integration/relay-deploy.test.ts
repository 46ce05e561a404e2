import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot, StatePatch } from '../../shared/contract/state';
import { apiClient } from '../helpers/api-client';
import { REDIS_SERVER, freePort, startRedis } from '../helpers/redis-server';
import { linkedStatus, makeRelayKey, startRelay, tokenOf, until } from '../helpers/relay-process';
import { ROOT, startServer } from '../helpers/server-process';
import { which } from '../../scripts/lib/setup.mjs';
import { CADDY, NGINX, httpsStatus, selfSignedCert, startCaddy, startNginx } from '../helpers/tls-proxies';

// The shipped deploy/ configurations (docs/remote.md, "Deploy"), run as they are but for the host,
// ports and certificate: TLS at the proxy, two relay processes on one Redis behind it, sticky.
// `npm test` installs nginx, caddy and redis-server when missing (as root); otherwise these skip.
for (const [tool, found] of [['nginx', NGINX], ['caddy', CADDY], ['redis-server', REDIS_SERVER]] as const) {
  if (!found) console.warn(`relay-deploy: ${tool} is not installed (sudo apt-get install -y ${tool}): its tests are skipped`);
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

type Proxy = { name: 'nginx' | 'caddy'; found: string | null; start: typeof startNginx };

describe.each<Proxy>([
  { name: 'nginx', found: NGINX, start: startNginx },
  { name: 'caddy', found: CADDY, start: startCaddy },
])('relay behind $name (deploy/)', ({ found, start }) => {
  it.skipIf(!found || !REDIS_SERVER)('serves health over TLS, links the venue over wss, and keeps a long-polling view on one process', async () => {
    const tls = selfSignedCert();
    const ca = readFileSync(tls.cert, 'utf8');
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const key = makeRelayKey();
    // The relays first, on the proxy's future port as their public URL: the proxy finds both up
    // (a proxy that saw a relay down at its start would leave it out for a while, stickiness or not).
    const port = await freePort();
    const publicUrl = `https://127.0.0.1:${port}`;
    // Each relay takes a free port itself (port 0) and says which: no port picked here can be taken meanwhile.
    const startOne = async (): Promise<number> => {
      const relay = await startRelay({ key, args: ['--redis', redis.url, '--behind-tls-proxy', '--public-url', publicUrl] });
      cleanup.push(() => relay.kill());
      return relay.port;
    };
    const relayPorts: [number, number] = [await startOne(), await startOne()];
    const proxy = await start(relayPorts, tls, port);
    cleanup.push(() => proxy.stop());

    // Health over TLS, through the proxy.
    await until('health through the proxy', async () => ((await httpsStatus(`${proxy.url}/api/v1/health`, ca)) === 200 ? true : undefined));

    // The venue links through the proxy, over wss.
    const venue = await startServer({ args: ['--relay', proxy.url, '--relay-key', key], env: { NODE_EXTRA_CA_CERTS: tls.cert } });
    cleanup.push(() => venue.kill());
    const status = await linkedStatus(venue, 20_000);
    expect(status.links!.speaker.startsWith(`${proxy.url}/speaker?token=`)).toBe(true);

    // A view over wss, through the proxy.
    const token = tokenOf(status.links!.speaker);
    const wss = await connected(io(proxy.url, { transports: ['websocket'], auth: { token }, ca, reconnection: false, forceNew: true }));
    cleanup.push(() => void wss.socket.close());
    const control = apiClient(venue.url, venue.tokens.control);
    expect(wss.snapshot.revision).toBe((await control.state()).revision);

    // Long polling only: every request of the session must reach the same relay process, or the
    // other answers "Session ID unknown" and the view drops. Sticky load balancing keeps it whole
    // across many requests (a few per patch).
    const polling = await connected(io(proxy.url, { transports: ['polling'], auth: { token }, ca, reconnection: false, forceNew: true, withCredentials: true }));
    cleanup.push(() => void polling.socket.close());
    let dropped = '';
    polling.socket.on('disconnect', (reason) => (dropped = reason));
    for (let i = 0; i < 8; i++) {
      const viaPolling = new Promise<StatePatch>((resolve) => polling.socket.once('state:patch', resolve));
      const viaWss = new Promise<StatePatch>((resolve) => wss.socket.once('state:patch', resolve));
      const res = await control.command({ type: 'message.speaker', text: `Through the proxy ${i}` });
      expect(res.status).toBe(200);
      expect((await viaPolling).revision).toBe(res.body.revision);
      expect((await viaWss).revision).toBe(res.body.revision);
    }
    expect(dropped).toBe('');
    expect(polling.socket.connected).toBe(true);
    if (proxy.name === 'caddy') {
      // No call out: no admin endpoint, no ACME, and nothing to staple (no OCSP server in our certificate).
      expect(proxy.output()).toMatch(/admin endpoint disabled/);
      expect(proxy.output()).toMatch(/automatic HTTPS is completely disabled/);
      expect(proxy.output()).not.toMatch(/acme|obtain/i);
    }
  });
});

function connected(socket: Socket): Promise<{ socket: Socket; snapshot: Snapshot }> {
  return new Promise((resolve, reject) => {
    socket.once('state:snapshot', (snapshot: Snapshot) => resolve({ socket, snapshot }));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe('relay: the systemd unit (deploy/)', () => {
  const analyze = which('systemd-analyze');
  it.skipIf(!analyze)('passes systemd-analyze verify as an instance (rostrum-relay@4850)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-unit-'));
    const unit = join(dir, 'rostrum-relay@4850.service');
    copyFileSync(join(ROOT, 'deploy', 'systemd', 'rostrum-relay@.service'), unit);
    // Throws with systemd's complaint on any error or warning it prints.
    const out = execFileSync(analyze!, ['verify', unit], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
