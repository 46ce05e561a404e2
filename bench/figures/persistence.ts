import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialState } from '../../electron/engine/initial-state';
import { sampleAgenda } from '../../electron/app/sample-agenda';
import { confStateStore } from '../../electron/persistence/conf-store';
import type { BenchRow } from '../lib/result';
import { ms, summary } from '../lib/stats';

/** Time to persist one command's state with the headless store, on its own (the write includes fsync). */
export function measurePersistence(count = 300): number[] {
  const store = confStateStore(mkdtempSync(join(tmpdir(), 'rostrum-persist-')));
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
      figure: 'persist one command (p50 / p99), sample event state',
      target: '— (part of fan-out)',
      measured: `${ms(s.p50)} / ${ms(s.p99)}`,
      pass: null,
    },
  ];
}
