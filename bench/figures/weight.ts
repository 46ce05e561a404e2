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

/** Budgets: the speaker monitor; the lower third runs in a streaming PC's browser source (#19, docs/outputs.md). */
const TARGETS: Record<string, number> = { speaker: 200_000, 'lower-third': 100_000 };

export function weightRows(): BenchRow[] {
  // The audience page (/audience) is the speaker bundle: its row is the speaker's.
  return ['speaker', 'moderator', 'booth', 'lower-third', 'clock', 'crew'].map((view) => {
    const { bytes, files } = viewWeight(view);
    const target = TARGETS[view] ?? null;
    return {
      figure: `gzipped JS + CSS that /${view} loads (${files} files)`,
      target: target === null ? '—' : `≤ ${target / 1000} KB`,
      measured: kb(bytes),
      pass: target === null ? null : bytes <= target,
    };
  });
}
