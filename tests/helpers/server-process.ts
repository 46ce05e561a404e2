import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built server; ROSTRUM_DIST picks another build folder than dist/. */
export const SERVE_JS = join(ROOT, process.env['ROSTRUM_DIST'] ?? 'dist', 'node', 'serve.js');

export interface ServerTokens {
  control: string;
  booth: string;
  view: string;
}

export interface StartOptions {
  dataDir?: string;
  /** 0 (default) picks a free port; null passes no --port (the default-port rules apply). */
  port?: number | null;
  /** null passes no token flags: the server generates or reuses its own (read back from its links). */
  tokens?: ServerTokens | null;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

export interface StartedServer {
  url: string;
  port: number;
  tokens: ServerTokens;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<number | null>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** Starts again on the same port and data dir (after stop or kill). */
  restart(): Promise<StartedServer>;
}

export const makeTokens = (): ServerTokens => ({
  control: `control-${randomBytes(8).toString('hex')}`,
  booth: `booth-${randomBytes(8).toString('hex')}`,
  view: `view-${randomBytes(8).toString('hex')}`,
});

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'rostrum-test-'));

function waitForExit(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((r) => proc.once('exit', (code) => r(code)));
}

/** Spawns the built headless server (dist/node/serve.js) and resolves once it prints its ready line. */
export async function startServer(options: StartOptions = {}): Promise<StartedServer> {
  if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run "npm run build" first`);
  const dataDir = options.dataDir ?? tempDataDir();
  const given = options.tokens === null ? null : (options.tokens ?? makeTokens());
  const args = [
    SERVE_JS,
    ...(options.port === null ? [] : ['--port', String(options.port ?? 0)]),
    '--host', '127.0.0.1',
    '--data-dir', dataDir,
    ...(given ? ['--control-token', given.control, '--booth-token', given.booth, '--view-token', given.view] : []),
    ...(options.args ?? []),
  ];
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      // The data-dir line closes the start-up banner, after the view links.
      const m = /Rostrum ready on http:\/\/127\.0\.0\.1:(\d+)[\s\S]*data dir/.exec(out);
      if (m) resolveReady(Number(m[1]));
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${out}`)));
  });
  const link = (view: string) => new RegExp(`/${view}\\?token=(\\S+)`).exec(out)?.[1] ?? '';
  const tokens = given ?? { control: link('moderator'), booth: link('booth'), view: link('speaker') };
  const started: StartedServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    tokens,
    dataDir,
    process: proc,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      return waitForExit(proc);
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await waitForExit(proc);
    },
    restart: () => startServer({ ...options, dataDir, tokens, port }),
  };
  return started;
}
