import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import config from '../../playwright.config';
import { apiClient } from '../helpers/api-client';
import { ROOT, type StartedServer } from '../helpers/server-process';
import { expect, test } from './fixtures';

/**
 * Browser protections (#8): Chromium resolves evil.test and rostrum.test to 127.0.0.1, as a
 * DNS-rebinding attacker or a venue's LAN name would. The server allows rostrum.test only.
 */
const baseArgs = config.use?.launchOptions?.args ?? [];
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...baseArgs, '--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rostrum.test 127.0.0.1'],
  },
  serverArgs: ['--allowed-hosts', 'rostrum.test'],
});

/** The server as a LAN device sees it: through rostrum.test (the test's own API calls use `server.url`). */
const lanUrl = (server: StartedServer): string => server.url.replace('127.0.0.1', 'rostrum.test');

/** A hostile page on http://evil.test:<port>/ that tries to read state and send commands over socket.io and fetch. */
async function startEvilSite(target: string, token: string): Promise<{ url: string; close: () => Promise<void> }> {
  const client = readFileSync(join(ROOT, 'node_modules', 'socket.io-client', 'dist', 'socket.io.min.js'));
  const page = `<!doctype html><meta charset="utf-8"><title>evil</title><pre id="result">pending</pre>
<script src="/io.js"></script>
<script>
const out = {};
const done = () => { if (Object.keys(out).length === 3) document.getElementById('result').textContent = JSON.stringify(out); };
fetch(${JSON.stringify(`${target}/api/v1/state`)}).then((r) => r.text()).then((t) => { out.read = 'read: ' + t.slice(0, 40); done(); }, (e) => { out.read = 'failed: ' + e.name; done(); });
fetch(${JSON.stringify(`${target}/api/v1/commands`)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ type: 'message.speaker', text: 'pwned' }) })
  .then(() => { out.post = 'sent'; done(); }, (e) => { out.post = 'failed: ' + e.name; done(); });
const socket = io(${JSON.stringify(target)}, { transports: ['websocket'], reconnection: false, auth: { token: ${JSON.stringify(token)} } });
socket.on('state:snapshot', () => {
  socket.emit('command', { type: 'message.speaker', text: 'pwned' }, (ack) => { out.socket = 'commanded: ' + JSON.stringify(ack); done(); });
});
socket.on('connect_error', (e) => { out.socket = 'refused: ' + e.message; done(); });
</script>`;
  const server: Server = createServer((req, res) => {
    if (req.url === '/io.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(client);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://evil.test:${port}/`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

test('a page on another origin cannot read state or send commands, even with a leaked token', async ({ server, context }) => {
  const before = await apiClient(server.url).state();
  for (const target of [server.url, lanUrl(server)]) {
    const evil = await startEvilSite(target, server.tokens.control);
    try {
      const page = await context.newPage();
      await page.goto(evil.url);
      const result = page.locator('#result');
      await expect(result).not.toHaveText('pending');
      const out = JSON.parse((await result.textContent()) ?? '{}') as Record<string, string>;
      expect(out['read'], `fetch of state on ${target}`).toMatch(/^failed/);
      expect(out['socket'], `socket to ${target}`).toMatch(/^refused/);
      await page.close();
    } finally {
      await evil.close();
    }
  }
  // The no-cors POST carried no token, and the socket was refused: nothing changed.
  const after = await apiClient(server.url).state();
  expect(after.revision).toBe(before.revision);
  expect(after.messages.speaker?.text ?? '').not.toBe('pwned');
});

test('a name rebound to 127.0.0.1 gets a 403 naming the host, for views and the API', async ({ server, context }) => {
  const port = new URL(server.url).port;
  const page = await context.newPage();
  const view = await page.goto(`http://evil.test:${port}/speaker`);
  expect(view?.status()).toBe(403);
  await expect(page.locator('body')).toContainText(`evil.test:${port}`);
  await expect(page.locator('body')).toContainText('is not allowed');
  const api = await page.goto(`http://evil.test:${port}/api/v1/state`);
  expect(api?.status()).toBe(403);
  const body = (await api?.json()) as { error: { code: string; path: string } };
  expect(body.error).toMatchObject({ code: 'forbidden', path: '' });
  await page.close();
});

test('views opened through an allowed LAN name (an insecure context) work', async ({ server, openView }) => {
  const baseUrl = lanUrl(server);
  const moderator = await openView('moderator', { baseUrl });
  const speaker = await openView('speaker', { baseUrl });
  const booth = await openView('booth', { baseUrl });
  expect(new URL(speaker.url()).hostname).toBe('rostrum.test');
  expect(await speaker.evaluate(() => window.isSecureContext)).toBe(false);

  const clock = speaker.getByTestId('clock-remaining');
  await expect(clock).toHaveText('7:00');
  await moderator.getByTestId('btn-start').click();
  await expect(speaker.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  // Counting down: the digits leave 7:00 (how far depends on how busy the machine is).
  await expect(clock).toHaveText(/^6:[0-5]\d$/, { timeout: 5_000 });
  await expect(booth.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
  await expect(moderator.getByTestId('command-error')).toBeEmpty();
  for (const page of [moderator, speaker, booth]) expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  const state = await apiClient(server.url).state();
  expect(state.clock.status).toBe('running');
});
