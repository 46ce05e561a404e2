import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVE_JS } from '../../tests/helpers/server-process';
import type { BenchRow } from '../lib/result';
import { ms, summary } from '../lib/stats';

/** From spawning the server's node process to /api/v1/health answering. */
async function coldStartOnce(): Promise<number> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'rostrum-cold-'))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const port = await new Promise<number>((resolve) => {
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
  }
  const elapsed = performance.now() - t0;
  await new Promise<void>((r) => {
    proc.once('exit', () => r());
    proc.kill('SIGTERM');
  });
  return elapsed;
}

export async function coldStartRows(runs = 7): Promise<BenchRow[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await coldStartOnce());
  const s = summary(samples);
  return [{ figure: `cold start to /api/v1/health (median of ${runs}; fresh data dir)`, target: '≤ 350 ms', measured: `${ms(s.p50, 0)} (max ${ms(s.max, 0)})`, pass: s.p50 <= 350 }];
}
