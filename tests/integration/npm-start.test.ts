// `npm start` on a machine where Electron cannot run (no binary, as on the build machines; or no
// display): one clear line saying so, then the headless server — with the same flags as serve.

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/lib/setup.mjs';
import { ROOT, makeTokens, tempDataDir } from '../helpers/server-process';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

/** `node scripts/start.mjs <args>` (what `npm start -- <args>` runs), until the server is ready. */
async function npmStart(args: string[]): Promise<{ child: ChildProcess; stdout: () => string; stderr: () => string; url: string }> {
  // No display either: on a machine that has the Electron binary, the fallback must still happen.
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...rest } = process.env;
  // Use the build the test run already has, as it is: a rebuild here would replace dist/ under
  // the other integration tests running beside this one.
  const env = { ...rest, ROSTRUM_DIST: rest['ROSTRUM_DIST'] ?? 'dist' };
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /Rostrum ready on (http:\/\/127\.0\.0\.1:\d+)[\s\S]*data dir/.exec(stdout);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before the server was ready:\n${stdout}\n${stderr}`)));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, url };
}

describe('npm start without a usable Electron', () => {
  it('says so in one line, then runs the headless server, which answers /api/v1/health', async () => {
    const tokens = makeTokens();
    const dataDir = tempDataDir();
    const agenda = join(dataDir, 'agenda.json');
    copyFileSync(join(ROOT, 'assets', 'samples', 'just-transition-workshop.json'), agenda);
    const started = await npmStart(['--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir, '--agenda', agenda, '--control-token', tokens.control]);

    const lines = started.stdout().split('\n');
    const ready = lines.findIndex((l) => l.startsWith('Rostrum ready on'));
    // Exactly one line before the server's own banner: the reason, and what happens instead.
    expect(lines.slice(0, ready)).toHaveLength(1);
    const [notice] = lines;
    expect(notice).toMatch(/^Rostrum: .+ — starting the headless server instead; open the URLs below in a browser\.$/);
    if (!electronBinary(ROOT)) expect(notice).toContain('the Electron binary is not installed here');
    else expect(notice).toContain('there is no display');
    expect(started.stderr()).toBe('');

    const health = await fetch(`${started.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, name: 'rostrum' });

    // The serve flags went through: the control token and the agenda given on the command line.
    expect(started.stdout()).toContain(`/moderator?token=${tokens.control}`);
    const state = (await (await fetch(`${started.url}/api/v1/state`)).json()) as { agenda: { sessions: { id: string }[] } };
    expect(state.agenda.sessions.map((s) => s.id)).toEqual(['opening', 'session-1', 'session-2', 'closing']);
    expect(started.stdout()).toContain(`data dir   ${dataDir}`);

    // It stops cleanly on SIGTERM, like serve.
    const exit = new Promise<number | null>((resolve) => started.child.once('exit', (code) => resolve(code)));
    started.child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
