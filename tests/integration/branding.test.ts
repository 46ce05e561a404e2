import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrandingInfo } from '../../shared/contract/branding';
import { makePng } from '../fixtures/branding/make-png';
import { startServer, type StartedServer } from '../helpers/server-process';

/** The event's branding over the real server (#19): uploads checked, files served safely, kept across a restart. */

let server: StartedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const call = async (path: string, token: string | undefined, init: { method?: string; body?: Buffer | string; json?: unknown } = {}) => {
  const res = await fetch(`${server!.url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.json !== undefined ? 'POST' : 'GET'),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': init.json !== undefined ? 'application/json' : 'application/octet-stream' },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
  });
  return res;
};
const json = async <T>(res: Response) => (await res.json()) as T & { error?: { code: string; message: string; path: string } };
const branding = async () => json<BrandingInfo>(await call('/api/v1/branding', server!.tokens.view));
const brandingFiles = () => (existsSync(join(server!.dataDir, 'branding')) ? readdirSync(join(server!.dataDir, 'branding')).sort() : []);

const SVG_OK = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><rect width="200" height="60" fill="#0070f3"/><text x="10" y="40">Summit</text></svg>';

describe('branding', () => {
  it('branding-bad-logo: a too-large, wrong-type, oversized or scripted logo is refused with a clear error, and what was there stays (branding-svg-script)', async () => {
    server = await startServer();
    const control = server.tokens.control;
    const before = await branding();
    expect(before).toEqual({ accent: null, logo: null, css: null });
    const refusals: [string, Buffer | string, number, RegExp][] = [
      ['too large', Buffer.concat([makePng(2, 2), Buffer.alloc(600 * 1024)]), 413, /logo: the file is larger than 512 KiB/],
      ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 400, /logo: must be a PNG or SVG file/],
      ['HTML', '<html><script>alert(1)</script></html>', 400, /logo: must be a PNG or SVG file/],
      ['too many pixels', makePng(5000, 1), 400, /logo: the image is 5000×1 pixels; at most 4096×4096/],
      ['an SVG with a script', SVG_OK.replace('</svg>', '<script>fetch("/api/v1/state")</script></svg>'), 400, /logo: the SVG holds a script/],
      ['an SVG with an event handler', SVG_OK.replace('<rect ', '<rect onload="alert(1)" '), 400, /logo: the SVG holds an event handler/],
      ['an SVG that loads another site', SVG_OK.replace('</svg>', '<image href="https://evil.example/x.png"/></svg>'), 400, /logo: the SVG holds a link to another file or site/],
      ['an SVG without a size', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', 400, /logo: the SVG must give its size/],
    ];
    for (const [what, body, status, message] of refusals) {
      const res = await call('/api/v1/branding/logo', control, { body });
      const answer = await json(res);
      expect(res.status, what).toBe(status);
      expect(answer.error, what).toMatchObject({ path: 'logo', message: expect.stringMatching(message) });
    }
    expect(await branding()).toEqual(before);
    expect(brandingFiles()).toEqual([]);
  });

  it('branding-svg-csp: takes a PNG and an SVG, serves them (the SVG under a CSP that runs nothing), sets the accent, and keeps all after a restart', async () => {
    server = await startServer();
    const control = server.tokens.control;
    const png = makePng(120, 40);
    const set = await call('/api/v1/branding/logo', control, { body: png });
    expect(set.status).toBe(200);
    expect(await json<BrandingInfo>(set)).toMatchObject({ logo: { type: 'png', width: 120, height: 40, bytes: png.length } });
    const served = await call(`/api/v1/branding/logo?token=${server.tokens.view}`, undefined);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    expect((await call('/api/v1/branding/logo', control, { body: SVG_OK })).status).toBe(200);
    const svg = await call(`/api/v1/branding/logo?token=${server.tokens.view}`, undefined);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
    expect(brandingFiles()).toEqual(['logo.svg']);

    const bad = await call('/api/v1/branding', control, { json: { accent: 'red' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({ code: 'invalid', path: 'accent', message: 'accent: must be a colour like #1a73e8' });
    expect((await call('/api/v1/branding', control, { json: { accent: '#c8102e' } })).status).toBe(200);
    const css = 'h1.audience__title { letter-spacing: 0.05em; }';
    expect((await call('/api/v1/branding/css', control, { body: css })).status).toBe(200);
    expect((await call('/api/v1/branding/css', control, { body: 'x'.repeat(70 * 1024) })).status).toBe(413);

    // Other keys read, never write.
    expect((await call('/api/v1/branding', server.tokens.booth, { json: { accent: '#000000' } })).status).toBe(403);
    expect((await call('/api/v1/branding/logo', server.tokens.view, { body: png })).status).toBe(403);

    server = await (async (s) => {
      await s.stop();
      return s.restart();
    })(server);
    const after = await branding();
    expect(after).toMatchObject({ accent: '#c8102e', logo: { type: 'svg', width: 200, height: 60 }, css: { bytes: css.length } });
    expect(await (await call(`/api/v1/branding/css?token=${server.tokens.view}`, undefined)).text()).toBe(css);

    expect((await call('/api/v1/branding', control, { json: { logo: null, css: null, accent: null } })).status).toBe(200);
    expect(await branding()).toEqual({ accent: null, logo: null, css: null });
    expect(brandingFiles()).toEqual(['branding.json']);
  });
});
