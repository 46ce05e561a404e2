import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVE_JS, makeTokens, type ServerTokens } from '../../tests/helpers/server-process';

export interface BenchServer {
  url: string;
  port: number;
  pid: number;
  tokens: ServerTokens;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Extra node flags for the server, to profile a figure: e.g.
 * `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- fan-out`.
 */
const serverNodeArgs = () => (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);

/** Starts the built server in its own process, as in real use. */
export async function startBenchServer(extraArgs: string[] = []): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rostrum-bench-'));
  const tokens = makeTokens();
  const proc = spawn(
    process.execPath,
    // The fan-out and memory figures hold 200 clients on loopback: over the default cap of 100 per address.
    [...serverNodeArgs(), SERVE_JS, '--port', '0', '--data-dir', dataDir, '--control-token', tokens.control, '--booth-token', tokens.booth, '--view-token', tokens.view, '--max-connections', '1000', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /Rostrum ready on http:\/\/127\.0\.0\.1:(\d+)[\s\S]*data dir/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`bench server exited (${code}):\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: proc.pid!,
    tokens,
    proc,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** CPU time (user + system) of a process in ms, from /proc. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

export async function sendCommand(server: BenchServer, command: object): Promise<{ revision: number }> {
  const res = await fetch(`${server.url}/api/v1/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
    body: JSON.stringify(command),
  });
  const body = (await res.json()) as { ok?: boolean; revision?: number; error?: { message: string } };
  if (!res.ok || body.revision === undefined) throw new Error(`command failed: ${res.status} ${body.error?.message ?? ''}`);
  return { revision: body.revision };
}
