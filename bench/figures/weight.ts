import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../tests/helpers/server-process';
import type { BenchRow } from '../lib/result';
import { kb } from '../lib/stats';

/** The gzipped JS and CSS a view's page loads: its scripts, module preloads and stylesheets. */
export function viewWeight(view: string): { bytes: number; files: number } {
  const dir = join(ROOT, process.env['ROSTRUM_DIST'] ?? 'dist', 'renderer');
  const html = readFileSync(join(dir, `${view}.html`), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.(?:js|css))"/g)) refs.add(m[1]!);
  let bytes = 0;
  for (const ref of refs) bytes += gzipSync(readFileSync(join(dir, ref.replace(/^\//, '')))).length;
  return { bytes, files: refs.size };
}

export function weightRows(): BenchRow[] {
  return ['speaker', 'moderator', 'booth'].map((view) => {
    const { bytes, files } = viewWeight(view);
    const target = view === 'speaker' ? 200_000 : null;
    return {
      figure: `gzipped JS + CSS that /${view} loads (${files} files)`,
      target: target === null ? '—' : '≤ 200 KB',
      measured: kb(bytes),
      pass: target === null ? null : bytes <= target,
    };
  });
}
