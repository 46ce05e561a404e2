import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sampleAgenda } from '../../electron/app/sample-agenda';
import { applyCommand } from '../../electron/engine/apply-command';
import { initialState } from '../../electron/engine/initial-state';
import type { Agenda, Item } from '../../shared/agenda/agenda-schema';
import { remainingMs } from '../../shared/clock/clock-math';
import { findItem } from '../../shared/agenda/agenda-queries';
import type { Command } from '../../shared/contract/commands';
import { projectSchedule } from '../../shared/schedule/projection';
import { instant } from '../../shared/time/instant';
import type { BenchRow } from '../lib/result';
import { ms, summary } from '../lib/stats';

/** An 8-hour run: 1,000 pause/resume cycles and 500 adjustments, with an injected clock. */
export function clockRun(): { errorMs: number } {
  const base = sampleAgenda();
  const first = base.sessions[0]!;
  const longItem: Item = { ...first.items[0]!, id: 'marathon', durationSec: 9 * 3600 };
  const agenda: Agenda = { ...base, sessions: [{ ...first, items: [longItem] }] };
  let state = initialState(agenda);
  let t = Date.parse('2026-11-29T01:00:00Z');
  const apply = (cmd: Command) => {
    state = applyCommand(state, cmd, instant(t));
  };
  apply({ type: 'start' });
  let running = 0; // exact elapsed running time, counted independently
  let added = 0;
  const step = (8 * 3600 * 1000) / 2000; // 2,000 pause/resume transitions over 8 hours
  for (let i = 0; i < 1000; i += 1) {
    t += step;
    running += step;
    apply({ type: 'pause' });
    if (i % 2 === 0) {
      const seconds = i % 4 === 0 ? 7 : -3;
      apply({ type: 'adjust', seconds });
      added += seconds * 1000;
    }
    t += step;
    apply({ type: 'resume' });
  }
  const expected = 9 * 3600 * 1000 + added - running;
  const actual = remainingMs(state.clock, findItem(state.agenda, 'marathon')?.item, instant(t));
  return { errorMs: Math.abs((actual ?? Number.NaN) - expected) };
}

function bigAgenda(items: number): Agenda {
  const base = sampleAgenda();
  const template = base.sessions[1]!.items[0]!;
  const perSession = 50;
  return {
    ...base,
    sessions: Array.from({ length: items / perSession }, (_, s) => ({
      ...base.sessions[1]!,
      id: `s${s}`,
      plannedStart: '08:00',
      plannedEnd: '20:00',
      items: Array.from({ length: perSession }, (_, i) => ({ ...template, id: `i${s}-${i}`, durationSec: 300 + i })),
    })),
  };
}

export function clockRows(): BenchRow[] {
  // The projection is timed first, so that it does not pay for collecting the 8-hour run's garbage.
  const s = projectionSummary();
  const { errorMs } = clockRun();
  return [
    { figure: '8 h, 1,000 pause/resume, 500 adjustments: remaining-time error', target: '0 ms', measured: `${errorMs} ms`, pass: errorMs === 0 },
    { figure: 'project a 500-item agenda (p50 / p99)', target: '≤ 2 ms', measured: `${ms(s.p50, 3)} / ${ms(s.p99, 3)}`, pass: s.p99 <= 2 },
  ];
}

/** A full garbage collection now, without starting node with --expose-gc. */
function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function projectionSummary(): ReturnType<typeof summary> {
  const agenda = bigAgenda(500);
  let state = initialState(agenda);
  const t = instant(Date.parse('2022-11-17T02:00:00Z'));
  state = applyCommand(state, { type: 'start' }, t);
  state = applyCommand(state, { type: 'goto', itemId: 'i3-10' }, instant(t + 3_600_000));
  // The server projects on every snapshot and the views on every change: the figure is the steady
  // state, after the JIT has compiled the projection (the first calls run in the interpreter), and
  // without a full collection of what loading the bench left behind (10–20 ms on this machine)
  // landing in a sample. The projection's own garbage is still collected within the samples.
  for (let i = 0; i < 200; i += 1) projectSchedule(state, instant(t + 3_600_000 + i));
  fullGc();
  const samples: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const t0 = performance.now();
    projectSchedule(state, instant(t + 3_700_000 + i));
    samples.push(performance.now() - t0);
  }
  return summary(samples);
}
