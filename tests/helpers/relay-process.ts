import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RelayStatus } from '../../shared/contract/relay';
import { ROOT, tempDataDir } from './server-process';

/** The built relay (`npm run relay`); ROSTRUM_DIST picks another build folder than dist/. */
export const RELAY_JS = join(ROOT, process.env['ROSTRUM_DIST'] ?? 'dist', 'node', 'relay.js');

export interface RelayStartOptions {
  dataDir?: string;
  port?: number;
  /** null: no --relay-key, the relay generates (or reuses) its own, read back from its output. */
  key?: string | null;
  args?: string[];
  /** Extra environment for the relay's process (e.g. NODE_OPTIONS to preload a clock skew in a bench). */
  env?: Record<string, string>;
}

export interface StartedRelay {
  url: string;
  port: number;
  key: string;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  kill(): Promise<void>;
  /** Starts again on the same port, data dir and key (after kill). */
  restart(): Promise<StartedRelay>;
}

export const makeRelayKey = (): string => `relay-${randomBytes(12).toString('hex')}`;

/** Spawns the built relay and resolves once it prints its ready banner. */
export async function startRelay(options: RelayStartOptions = {}): Promise<StartedRelay> {
  if (!existsSync(RELAY_JS)) throw new Error(`${RELAY_JS} is missing: run "npm run build" first`);
  const dataDir = options.dataDir ?? tempDataDir();
  const given = options.key === null ? null : (options.key ?? makeRelayKey());
  const args = [
    RELAY_JS,
    '--port', String(options.port ?? 0),
    '--host', '127.0.0.1',
    '--data-dir', dataDir,
    ...(given ? ['--relay-key', given] : []),
    ...(options.args ?? []),
  ];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let out = '';
  const [scheme, port] = await new Promise<[string, number]>((resolveReady, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Rostrum relay ready on (https?):\/\/127\.0\.0\.1:(\d+)[\s\S]*data dir/.exec(out);
      if (m) resolveReady([m[1]!, Number(m[2])]);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`relay exited with ${code} before it was ready:\n${out}`)));
  });
  const key = given ?? /link key\s+(\S+)/.exec(out)?.[1] ?? '';
  const started: StartedRelay = {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    key,
    dataDir,
    process: proc,
    output: () => out,
    kill: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    },
    restart: () => startRelay({ ...options, dataDir, port, key }),
  };
  return started;
}

/** Polls `probe` until it returns a value (not undefined), or fails naming what was awaited. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The venue's `GET /api/v1/relay`. */
export async function relayStatus(venueUrl: string, controlToken: string): Promise<RelayStatus> {
  const res = await fetch(`${venueUrl}/api/v1/relay`, { headers: { authorization: `Bearer ${controlToken}` } });
  if (!res.ok) throw new Error(`GET /api/v1/relay: ${res.status} ${await res.text()}`);
  return (await res.json()) as RelayStatus;
}

/** The token a remote link carries. */
export const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? '';

/** The venue's relay status once it says connected, with the relay's links known. */
export const linkedStatus = (venue: { url: string; tokens: { control: string } }, timeoutMs?: number): Promise<RelayStatus> =>
  until(
    'the venue to link',
    async () => {
      const s = await relayStatus(venue.url, venue.tokens.control);
      return s.state === 'connected' && s.links !== null ? s : undefined;
    },
    timeoutMs,
  );

/** Until the relay at `relayUrl` says it holds the venue's state (its health names the main channel linked). */
export const relayHoldsVenue = (relayUrl: string): Promise<true> =>
  until('the relay to hold the venue state', async () => ((await fetch(`${relayUrl}/api/v1/health`).then((r) => r.json())) as { venues: { main: string } }).venues.main === 'linked' || undefined);
