import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startHookServer } from '../helpers/hook-server';
import { SERVE_JS, startServer } from '../helpers/server-process';

/**
 * serve.js's source stays in the server's memory for its whole life, and every module bundled in it
 * runs at start (bench: "server RSS, 200 clients"). These pin what a show never needs out of it.
 */
describe('serve.js leaves out what a show never needs', () => {
  const serve = readFileSync(SERVE_JS, 'utf8');

  it.each([
    ['the views’ catalogues of words (the server reads only the report’s)', 'moderator.action.start'],
    ['the source’s comments', "The socket.io room of an event room's channel"],
  ])('%s', (_what, marker) => {
    expect(serve).not.toContain(marker);
  });

  it('keeps the bundled packages’ license notices', () => {
    expect(serve).toMatch(/@license|Copyright/);
  });
});

describe('the agenda’s readers, writers and reports load on first use', () => {
  const serve = readFileSync(SERVE_JS, 'utf8');
  const assets = join(dirname(SERVE_JS), 'assets');
  const chunk = readdirSync(assets).find((f) => /^file-io-.*\.js$/.test(f));

  it('serve.js is one file: it imports no chunk at start, and the file-io chunk only when asked', () => {
    expect(serve).not.toMatch(/^import [^;]*from "\.\.?\//m);
    expect(chunk).toBeDefined();
    expect(serve).toContain(`import("./assets/${chunk!}")`);
  });

  it.each([
    ['the spreadsheet reader', 'function parseCsv('],
    ['the import checks', 'function rowsToAgenda('],
    ['the HTML report', 'function renderReportHtml('],
    ["the report's stylesheet", '--ink: #16181d'],
    ['the agenda export', 'function exportAgenda('],
  ])('%s: in the chunk, not in serve.js', (_what, marker) => {
    expect(serve).not.toContain(marker);
    expect(readFileSync(join(assets, chunk!), 'utf8')).toContain(marker);
  });

  it('a fresh server answers its first report, export and import', async () => {
    const server = await startServer();
    try {
      const auth = { authorization: `Bearer ${server.tokens.control}` };
      const report = await fetch(`${server.url}/api/v1/report?format=html`, { headers: auth });
      expect(report.status).toBe(200);
      expect(report.headers.get('content-security-policy')).toContain('style-src');
      expect(await report.text()).toContain('<table');
      const exported = await fetch(`${server.url}/api/v1/agenda/export?format=csv`, { headers: auth });
      expect(exported.status).toBe(200);
      const csv = await exported.text();
      const preview = await fetch(`${server.url}/api/v1/agenda/import?format=csv`, { method: 'POST', headers: auth, body: csv });
      expect(preview.status).toBe(200);
      expect(await preview.json()).toMatchObject({ ok: true, applied: false, errors: [] });
    } finally {
      await server.stop();
    }
  });
});

describe('the automation engine loads with the first rule', () => {
  const serve = readFileSync(SERVE_JS, 'utf8');
  const assets = join(dirname(SERVE_JS), 'assets');
  const chunk = readdirSync(assets).find((f) => /^automation-engine-.*\.js$/.test(f));

  it('is a chunk of its own that serve.js imports only when asked', () => {
    expect(chunk).toBeDefined();
    expect(serve).toContain(`import("./assets/${chunk!}")`);
    expect(serve).not.toContain('could not write automations-fired.json');
    expect(readFileSync(join(assets, chunk!), 'utf8')).toContain('could not write automations-fired.json');
  });

  it('a server started without rules: a rule saved now fires on the very next command', async () => {
    const hooks = await startHookServer();
    const server = await startServer();
    try {
      const headers = { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' };
      const before = await fetch(`${server.url}/api/v1/automations`, { headers });
      expect(await before.json()).toMatchObject({ rules: [], status: {} });
      const rule = { id: 'go', enabled: true, when: 'item.started', then: { type: 'http', method: 'POST', url: `${hooks.url}/started`, body: '{{item.id}}' } };
      const put = await fetch(`${server.url}/api/v1/automations`, { method: 'PUT', headers, body: JSON.stringify({ rules: [rule] }) });
      expect(put.status).toBe(200);
      expect(await put.json()).toMatchObject({ status: { go: { lastFiredAt: null, lastError: null } } });
      expect((await apiClient(server.url, server.tokens.control).command({ type: 'start' })).status).toBe(200);
      const hook = await hooks.nth('/started', 1);
      expect(hook.method).toBe('POST');
    } finally {
      await server.stop();
      await hooks.close();
    }
  });
});
