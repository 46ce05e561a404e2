import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialState } from '../../electron/engine/initial-state';
import { sampleAgenda } from '../../electron/app/sample-agenda';
import { fileStateStore } from '../../electron/persistence/file-store';
import type { BenchRow } from '../lib/result';
import { ms, summary } from '../lib/stats';

/**
 * Time to persist one command's state with the server's store, on its own: the synchronous part,
 * which the command waits for (temp file + rename: survives the process being killed). The fsync
 * that makes it survive a power cut follows off the command's path (electron/persistence/json-file.ts).
 */
export function measurePersistence(count = 300): number[] {
  const store = fileStateStore(mkdtempSync(join(tmpdir(), 'rostrum-persist-')));
  let state = initialState(sampleAgenda());
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    state = { ...state, revision: state.revision + 1 };
    const t0 = performance.now();
    store.save(state);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function persistenceRows(): BenchRow[] {
  const s = summary(measurePersistence());
  return [
    {
      figure: 'persist one command (p50 / p99), sample event state; write + rename, fsync after',
      target: '— (part of fan-out)',
      measured: `${ms(s.p50)} / ${ms(s.p99)}`,
      pass: null,
    },
  ];
}
