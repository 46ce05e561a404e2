import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { SERVE_JS, startServer, tempDataDir, type StartedServer } from '../helpers/server-process';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

function occupyPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, server });
    });
  });
}

/** Runs serve.js to completion (for the failure paths), with a hard limit. */
function runToExit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [SERVE_JS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const track = (s: StartedServer) => {
  cleanup.push(() => s.stop());
  return s;
};

describe('npm run serve', () => {
  it('prints the ready line and one link per view carrying its role token', async () => {
    const s = track(await startServer());
    const out = s.output();
    expect(out).toContain(`Rostrum ready on http://127.0.0.1:${s.port}`);
    expect(out).toContain(`/moderator?token=${s.tokens.control}`);
    expect(out).toContain(`/speaker?token=${s.tokens.view}`);
    expect(out).toContain(`/booth?token=${s.tokens.booth}`);
  });

  it('fails with one line when an explicit port is taken', async () => {
    const { port, server } = await occupyPort();
    cleanup.push(() => new Promise((r) => server.close(r)));
    const result = await runToExit(['--port', String(port), '--data-dir', tempDataDir()]);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('falls back once from a taken default port and keeps that choice', async () => {
    const { port, server } = await occupyPort();
    cleanup.push(() => new Promise((r) => server.close(r)));
    const dataDir = tempDataDir();
    // The default port here is the one saved in settings (4848 on a fresh install).
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ port }));
    const first = await runDefault(dataDir);
    expect(first.port).not.toBe(port);
    expect(first.output()).toContain(`Port ${port} was taken; using ${first.port} from now on`);
    await first.stop();
    const second = track(await runDefault(dataDir));
    expect(second.port).toBe(first.port);
  });

  it('generates tokens on first start and keeps them in the data dir', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir, tokens: null });
    await first.stop();
    const second = track(await startServer({ dataDir, tokens: null }));
    expect(first.tokens.control).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(new Set(Object.values(first.tokens)).size).toBe(3);
    expect(second.tokens).toEqual(first.tokens);
    const res = await apiClient(second.url, first.tokens.control).command({ type: 'message.booth', text: 'kept' });
    expect(res.status).toBe(200);
  });

  it('loads an agenda given with --agenda, and refuses an unreadable one with one line', async () => {
    const dataDir = tempDataDir();
    const bad = join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ title: 'x', date: '2026-13-01', timezone: 'Asia/Shanghai', languages: ['en'], sessions: [] }));
    const refused = await runToExit(['--port', '0', '--data-dir', dataDir, '--agenda', bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('date');
    const missing = await runToExit(['--port', '0', '--data-dir', dataDir, '--agenda', join(dataDir, 'nope.json')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('ENOENT');

    const good = join(dataDir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({
        title: 'Rehearsal',
        date: '2026-11-29',
        timezone: 'Europe/Berlin',
        languages: ['en'],
        sessions: [{ id: 's', title: 'Only', moderatorLanguage: 'en', plannedStart: '10:00', plannedEnd: '10:30', items: [{ id: 'a', title: 'Talk', kind: 'talk', language: 'en', durationSec: 600 }] }],
      }),
    );
    const s = track(await startServer({ dataDir, args: ['--agenda', good] }));
    const snap = await apiClient(s.url).state();
    expect(snap.agenda.title).toBe('Rehearsal');
    expect(snap.clock.currentItemId).toBe('a');
  });
});

describe('a state file that cannot be read', () => {
  it.each([
    ['truncated JSON', '{"formatVersion":1,"state":{"revision":3,"agen'],
    ['valid JSON of the wrong shape', JSON.stringify({ formatVersion: 1, state: { revision: 'three' } })],
  ])('is moved aside with a visible warning, and the sample loads (%s)', async (_what, content) => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'state.json'), content);
    const s = track(await startServer({ dataDir }));
    expect(s.output()).toMatch(/WARNING: The saved state could not be read .* moved to .*state\.json\.corrupt-/);
    const aside = readdirSync(dataDir).find((f) => f.startsWith('state.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dataDir, aside!), 'utf8')).toBe(content);
    const snap = await apiClient(s.url).state();
    expect(snap.agenda.sessions).toHaveLength(4);
  });
});

function runDefault(dataDir: string, extra: string[] = []): Promise<StartedServer> {
  return startServer({ dataDir, port: null, args: extra });
}
