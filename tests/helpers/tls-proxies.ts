import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './server-process';
import { freePort } from './redis-server';
import { which } from '../../scripts/lib/setup.mjs';

/** A self-signed certificate for 127.0.0.1 (openssl), in a temp dir. */
export function selfSignedCert(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}

export interface TlsProxy {
  name: 'nginx' | 'caddy';
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

export const NGINX = which('nginx') ?? null;
export const CADDY = which('caddy') ?? null;

/** The shipped configuration with the example's host, ports and certificate replaced by the test's. */
function shipped(file: string, replacements: [string, string][]): string {
  let text = readFileSync(join(ROOT, 'deploy', file), 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`deploy/${file}: "${from}" not found (the test follows the shipped file)`);
    text = text.replace(from, to);
  }
  return text;
}

async function waitFor(proc: ChildProcess, ready: () => Promise<boolean>, out: () => string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}:\n${out()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not come up:\n${out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function spawned(name: TlsProxy['name'], cmd: string, args: string[], port: number, ca: Buffer | string, env: NodeJS.ProcessEnv = process.env): Promise<TlsProxy> {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = `https://127.0.0.1:${port}`;
  const proxy: TlsProxy = {
    name,
    url,
    port,
    output: () => out,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
  const listening = async () => (await httpsStatus(`${url}/api/v1/health`, ca)) > 0;
  return waitFor(proc, listening, () => out, name).then(() => proxy);
}

/** GET over TLS, trusting `ca`; the status (0 on a connection error). */
export async function httpsStatus(url: string, ca: Buffer | string): Promise<number> {
  const { get } = await import('node:https');
  return new Promise((resolve) => {
    get(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', () => resolve(0));
  });
}

/** nginx with deploy/nginx/rostrum-relay.conf in front of the two relays, on `port` of loopback. */
export async function startNginx(relayPorts: [number, number], tls: { cert: string; key: string }, port: number): Promise<TlsProxy> {
  if (!NGINX) throw new Error('nginx is not installed');
  const plain = await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'rostrum-nginx-'));
  chmodSync(prefix, 0o755);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, d), { mode: 0o777 });
  const site = shipped('nginx/rostrum-relay.conf', [
    ['127.0.0.1:4850', `127.0.0.1:${relayPorts[0]}`],
    ['127.0.0.1:4851', `127.0.0.1:${relayPorts[1]}`],
    ['listen 80;', `listen 127.0.0.1:${plain};`],
    ['listen 443 ssl;', `listen 127.0.0.1:${port} ssl;`],
    ['/etc/letsencrypt/live/relay.example.org/fullchain.pem', tls.cert],
    ['/etc/letsencrypt/live/relay.example.org/privkey.pem', tls.key],
  ]);
  writeFileSync(join(prefix, 'rostrum-relay.conf'), site);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'worker_processes 1;',
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${join(prefix, d)};`),
      `  include ${join(prefix, 'rostrum-relay.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  return spawned('nginx', NGINX, ['-c', conf, '-p', prefix, '-e', join(prefix, 'error.log')], port, readFileSync(tls.cert));
}

/** Caddy with deploy/caddy/Caddyfile in front of the two relays: our certificate, no ACME, no admin endpoint. */
export async function startCaddy(relayPorts: [number, number], tls: { cert: string; key: string }, port: number): Promise<TlsProxy> {
  if (!CADDY) throw new Error('caddy is not installed');
  const home = mkdtempSync(join(tmpdir(), 'rostrum-caddy-'));
  const file = shipped('caddy/Caddyfile', [
    // The test's own certificate: no automatic HTTPS (no ACME, no outbound call), no local CA to install.
    ['\tadmin off\n', `\tadmin off\n\tauto_https off\n\tskip_install_trust\n\tstorage file_system ${join(home, 'data')}\n`],
    ['relay.example.org {', `https://127.0.0.1:${port} {\n\ttls ${tls.cert} ${tls.key}`],
    ['127.0.0.1:4850 127.0.0.1:4851', `127.0.0.1:${relayPorts[0]} 127.0.0.1:${relayPorts[1]}`],
  ]);
  const caddyfile = join(home, 'Caddyfile');
  writeFileSync(caddyfile, file);
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config') };
  return spawned('caddy', CADDY, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], port, readFileSync(tls.cert), env);
}
