import { request as httpRequest } from 'node:http';
import { apiClient } from '../helpers/api-client';
import { startFailoverProxy, type FailoverProxy } from '../helpers/failover-proxy';
import { REDIS_SERVER, freePort, startRedis, type StartedRedis } from '../helpers/redis-server';
import { linkedStatus, makeRelayKey, relayStatus, startRelay, until, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { NGINX, httpsStatus, selfSignedCert, startNginx, type TlsProxy } from '../helpers/tls-proxies';
import { expect, test } from './relay-support';
import { secondsShown } from './speaker-support';

// One venue, two relay processes on Redis behind nginx (TLS, ip_hash), a 150 ms round trip between
// the venue and the relays. The browser reaches one relay through nginx; the venue links to the
// other, through the latency proxy and a failover balancer (the venue's way out, as a load
// balancer in front of the relays would be). Then the venue's relay is killed, then the venue's
// link, then the venue is restarted.
test.skip(!NGINX || !REDIS_SERVER, 'needs nginx and redis-server (npm test installs them when run as root)');
test.use({ ignoreHTTPSErrors: true });

const ONE_WAY_MS = 75;
const stops: (() => Promise<void> | void)[] = [];

// Before the fixtures' teardown, which checks the remote page's problems once all this is gone.
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/**
 * Which relay nginx gives this machine's address (ip_hash): an engine.io session opened through
 * nginx, then a no-op posted to that session directly on a relay's port — only its owner knows it.
 */
async function ownerOfNginxSessions(nginx: TlsProxy, ca: string, relays: StartedRelay[]): Promise<StartedRelay> {
  const { get } = await import('node:https');
  const handshake = await new Promise<string>((resolve, reject) => {
    get(`${nginx.url}/socket.io/?EIO=4&transport=polling`, { ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
  const sid = /"sid":"([^"]+)"/.exec(handshake)?.[1];
  if (!sid) throw new Error(`no engine.io session through nginx: ${handshake}`);
  for (const relay of relays) {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${relay.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', headers: { 'content-type': 'text/plain' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('6');
    });
    if (status === 200) return relay;
  }
  throw new Error('no relay owns the session nginx opened');
}

test('a speaker view through relay B follows the venue linked through relay A (150 ms away), goes on when A is killed, says when the venue link dies, and follows the venue again after it restarts', async ({ page, openRemote }) => {
  test.slow();
  const tls = selfSignedCert();
  const ca = (await import('node:fs')).readFileSync(tls.cert, 'utf8');
  const redis: StartedRedis = await startRedis();
  stops.push(() => redis.stop());
  const key = makeRelayKey();
  const nginxPort = await freePort();
  const publicUrl = `https://127.0.0.1:${nginxPort}`;
  const relays: StartedRelay[] = [];
  for (let i = 0; i < 2; i++) {
    // The venue comes through proxies on other loopback ports: the name is allowed on any port.
    const relay = await startRelay({ key, args: ['--redis', redis.url, '--behind-tls-proxy', '--public-url', publicUrl, '--allowed-hosts', '127.0.0.1'] });
    stops.push(() => relay.kill());
    relays.push(relay);
  }
  const nginx = await startNginx([relays[0]!.port, relays[1]!.port], tls, nginxPort);
  stops.push(() => nginx.stop());
  await until('nginx to answer', async () => ((await httpsStatus(`${nginx.url}/api/v1/health`, ca)) === 200 ? true : undefined));

  // B: the relay nginx sends this machine to. A: the other, which the venue links to.
  const b = await ownerOfNginxSessions(nginx, ca, relays);
  const a = relays.find((r) => r !== b)!;
  const targets = [a.port, b.port];
  const balancer: FailoverProxy = await startFailoverProxy(targets);
  stops.push(() => balancer.close());
  // `cut`: the venue's internet fails; whatever is sent meanwhile is lost, as on a dead line.
  let cut = false;
  const latency: TcpProxy = await startTcpProxy(balancer.port, (deliver) => void (cut || setTimeout(deliver, ONE_WAY_MS)));
  stops.push(() => latency.close());
  const venue: StartedServer = await startServer({ args: ['--relay', `http://127.0.0.1:${latency.port}`, '--relay-key', key] });
  stops.push(() => venue.kill());
  const linkedOnB = () => b.output().match(/venue linked on channel "main"/g)?.length ?? 0;

  const status = await linkedStatus(venue, 20_000);
  expect(a.output()).toMatch(/venue linked on channel "main"/);
  expect(b.output()).not.toMatch(/venue linked on channel/);
  expect(status.links!.speaker.startsWith(`${publicUrl}/speaker?token=`)).toBe(true);
  // The venue measures the round trip through the latency proxy (it pings every 2 s).
  const rtt = await until('a round trip measured', async () => (await relayStatus(venue.url, venue.tokens.control)).rttMs ?? undefined);
  expect(rtt).toBeGreaterThanOrEqual(2 * ONE_WAY_MS);

  const control = apiClient(venue.url, venue.tokens.control);
  const first = (await control.state()).clock.currentItemId!;
  await openRemote(page, status.links!.speaker);
  await page.getByTestId('lang-en').click();
  const root = page.getByTestId('view-root');
  const digits = page.getByTestId('clock-remaining');
  const linkState = page.getByTestId('link-state');
  await expect(linkState).toHaveAttribute('data-state', 'venue-linked');
  const firstSpeaker = await page.getByTestId('current-speaker').textContent();

  await control.command({ type: 'start', expectedItemId: first });
  await expect(root).toHaveAttribute('data-status', 'running');
  await control.command({ type: 'pause', expectedItemId: first });
  await expect(root).toHaveAttribute('data-status', 'paused');
  const paused = await secondsShown(digits);
  await control.command({ type: 'adjust', seconds: 60, expectedItemId: first });
  await expect.poll(() => secondsShown(digits)).toBe(paused + 60);
  await control.command({ type: 'message.speaker', text: 'Please wrap up' });
  await expect(page.getByTestId('speaker-message')).toContainText('Please wrap up');
  await control.command({ type: 'next', expectedItemId: first });
  await expect(page.getByTestId('current-speaker')).not.toHaveText(firstSpeaker!);
  const second = (await control.state()).clock.currentItemId!;
  await control.command({ type: 'start', expectedItemId: second });
  await expect(root).toHaveAttribute('data-status', 'running');
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('remote-speaker-through-nginx-1366x768.png') });

  // Relay A dies: the venue relinks through the balancer to B; the view on B never left.
  await a.kill();
  await until('the venue to relink through B', () => (/venue linked on channel "main"/.test(b.output()) ? true : undefined), 20_000);
  await expect(linkState).toHaveAttribute('data-state', 'venue-linked', { timeout: 10_000 });
  await expect(page.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await control.command({ type: 'pause', expectedItemId: second });
  await expect(root).toHaveAttribute('data-status', 'paused');
  await control.command({ type: 'message.speaker', text: 'After relay A' });
  await expect(page.getByTestId('speaker-message')).toContainText('After relay A');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // The venue's link dies (its internet fails): the view says so within 3 s and keeps its last state.
  cut = true;
  await expect(linkState).toHaveAttribute('data-state', 'venue-lost', { timeout: 3_000 });
  await expect(page.getByTestId('speaker-message')).toContainText('After relay A');
  // The venue goes on meanwhile; nothing of it reaches the relay.
  expect((await control.command({ type: 'message.speaker', text: 'While the link was down' })).status).toBe(200);

  // The venue restarts (same data dir) with its internet back: the relay takes a fresh snapshot,
  // and the view, never reloaded, shows what happened while the link was down, then follows again.
  const linksBefore = linkedOnB();
  await venue.kill();
  cut = false;
  const restarted = await venue.restart();
  stops.push(() => restarted.kill());
  await until('the restarted venue to link through B', () => (linkedOnB() > linksBefore ? true : undefined), 20_000);
  await expect(linkState).toHaveAttribute('data-state', 'venue-linked', { timeout: 10_000 });
  await expect(page.getByTestId('speaker-message')).toContainText('While the link was down');
  const after = apiClient(restarted.url, restarted.tokens.control);
  await after.command({ type: 'message.speaker', text: 'After the venue restarted' });
  await expect(page.getByTestId('speaker-message')).toContainText('After the venue restarted');
  await after.command({ type: 'resume', expectedItemId: second });
  await expect(root).toHaveAttribute('data-status', 'running');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
