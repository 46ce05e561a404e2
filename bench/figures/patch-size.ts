import { sampleAgenda } from '../../electron/app/sample-agenda';
import { applyCommand } from '../../electron/engine/apply-command';
import { initialState } from '../../electron/engine/initial-state';
import { makePatch } from '../../electron/server/snapshot';
import type { Command } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import { instant } from '../../shared/time/instant';
import type { BenchRow } from '../lib/result';

const DAY_MS = 8 * 3600 * 1000;
const PAUSES = 500;

/**
 * Bytes of a clock patch (`state:patch` as JSON) at the day's first pause and at its 500th, after an
 * 8-hour day of the sample agenda: 500 pauses spread over its items, moving on to the next item
 * every few pauses. The report grows with every pause; the patch must not.
 */
export function patchSizes(): { first: number; last: number } {
  let state: RostrumState = initialState(sampleAgenda());
  let t = Date.parse('2026-11-29T01:00:00Z');
  const items = state.agenda.sessions.reduce((n, s) => n + s.items.length, 0);
  const perItem = Math.ceil(PAUSES / items);
  const apply = (cmd: Command): number => {
    const next = applyCommand(state, cmd, instant(t));
    const bytes = Buffer.byteLength(JSON.stringify(makePatch(state, next, instant(t))));
    state = next;
    return bytes;
  };
  apply({ type: 'start' });
  const step = DAY_MS / (2 * PAUSES);
  let first = 0;
  let last = 0;
  for (let i = 0; i < PAUSES; i += 1) {
    t += step;
    const bytes = apply({ type: 'pause' });
    if (i === 0) first = bytes;
    last = bytes;
    t += step;
    apply({ type: 'resume' });
    if ((i + 1) % perItem === 0 && state.clock.status === 'running') apply({ type: 'next' });
  }
  return { first, last };
}

export function patchSizeRows(): BenchRow[] {
  const { first, last } = patchSizes();
  const ratio = last / first;
  return [
    {
      figure: `bytes of a clock patch (pause) after an 8-hour day with ${PAUSES} pauses, against the day's first`,
      target: `first ± 10 % (${Math.round(first * 0.9)}–${Math.round(first * 1.1)} B)`,
      measured: `${last} B (first ${first} B, ×${ratio.toFixed(2)})`,
      pass: Math.abs(ratio - 1) <= 0.1,
    },
  ];
}
