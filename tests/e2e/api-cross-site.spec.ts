import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * The audit's attack (#14, api-cross-site-drain) in a real Chromium: a page on another local
 * origin (this machine, another port) fires `no-cors` requests at the trigger URLs. They carry no
 * `Origin`, but Chromium marks them `Sec-Fetch-Site: same-site`, so the server refuses them before
 * they count against the budget that a controller on this machine shares.
 */
test.use({ serverArgs: ['--rate-limit', '20'] });

const REQUESTS = 1202;

async function startHostilePage(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const page = `<!doctype html><meta charset="utf-8"><title>hostile</title><pre id="result">pending</pre>
<script>
const sends = [];
for (let i = 0; i < ${REQUESTS}; i += 1) sends.push(fetch(${JSON.stringify(`${target}/api/v1/trigger/adjust/1`)}, { mode: 'no-cors' }).then(() => 'sent', () => 'failed'));
Promise.all(sends).then((r) => { document.getElementById('result').textContent = r.filter((x) => x === 'sent').length + ' sent'; });
</script>`;
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

test('api-cross-site-drain: a page on another local origin firing no-cors requests cannot make a controller\'s request fail', async ({ server, context }) => {
  const hostile = await startHostilePage(server.url);
  const statuses: number[] = [];
  try {
    const page = await context.newPage();
    await page.goto(hostile.url);
    const result = page.locator('#result');
    // Meanwhile, a controller on this machine without a token asks ten times a second (within its
    // budget of 20): it shares the address's budget with anything else that counts against it.
    while ((await result.textContent()) === 'pending') {
      statuses.push((await fetch(`${server.url}/api/v1/health`)).status);
      await page.waitForTimeout(100);
    }
    await expect(result).toHaveText(`${REQUESTS} sent`);
    await page.close();
  } finally {
    await hostile.close();
  }
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  const press = await fetch(`${server.url}/api/v1/trigger/adjust/1?token=${server.tokens.control}`);
  expect(press.status).toBe(200);
  // None of the page's requests did anything (they had no token either way).
  expect((await apiClient(server.url).state()).clock.addedMs).toBe(1000);
});
