/**
 * A server without the network: the real core and the real scheduler of automatic transitions, on
 * a hand-cranked clock and hand-cranked timers, with a store that can be "killed" and reopened.
 * Every timer fires late (`LATE_MS`), as a loaded machine's do: transitions must land on their own
 * instant anyway.
 */
import { initialState } from '../../../electron/engine/initial-state';
import { parseSavedState } from '../../../electron/persistence/state-file-schema';
import type { StateStore } from '../../../electron/persistence/state-store';
import { RostrumCore } from '../../../electron/server/core';
import { startAutoScheduler, type AutoScheduler, type Timers } from '../../../electron/timing/auto-scheduler';
import type { Agenda } from '../../../shared/agenda/agenda-schema';
import type { CommandInput } from '../../../shared/contract/commands';
import type { RostrumState } from '../../../shared/contract/state';
import { instant, type Instant } from '../../../shared/time/instant';

export const LATE_MS = 7;

export interface Fired {
  type: string;
  /** The patch's serverTime: the instant it was applied at. */
  at: Instant;
  /** When the machine's clock said it ran. */
  ranAt: Instant;
  currentItemId: string | null;
}

class DiskStore implements StateStore {
  readonly path = '/memory/state.json';
  json: string | undefined;
  failing = false;
  load(): RostrumState | undefined {
    return this.json === undefined ? undefined : parseSavedState(JSON.parse(this.json));
  }
  save(state: RostrumState): void {
    if (this.failing) throw new Error('ENOSPC: no space left on device');
    this.json = JSON.stringify(state);
  }
}

export class TimingRig {
  t: Instant;
  core!: RostrumCore;
  fired: Fired[] = [];
  private readonly store = new DiskStore();
  private timers: { due: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  private scheduler: AutoScheduler | null = null;

  constructor(agenda: Agenda, start: Instant) {
    this.t = start;
    this.store.save(initialState(agenda));
    this.boot();
  }

  private readonly fakeTimers: Timers = {
    setTimeout: (fn, ms) => {
      const id = this.nextId++;
      this.timers.push({ due: this.t + ms, fn, id });
      return id;
    },
    clearTimeout: (handle) => {
      this.timers = this.timers.filter((x) => x.id !== handle);
    },
  };

  /** Starts the server from what the store holds (as a restart does). */
  private boot(): void {
    this.core = new RostrumCore(this.store.load()!, this.store, { now: () => this.t });
    this.core.onPatch((patch, state, meta) => {
      if (meta.principal !== 'automatic') return;
      this.fired.push({ type: state.timing.fired.at(-1) ?? '?', at: patch.serverTime, ranAt: this.t, currentItemId: state.clock.currentItemId });
    });
    this.scheduler = startAutoScheduler(this.core, this.fakeTimers, () => {});
  }

  /** Lets time pass to `to`, firing every timer due on the way (each LATE_MS late). */
  crank(to: Instant): void {
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due)[0];
      if (!next || next.due + LATE_MS > to) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = instant(next.due + LATE_MS);
      next.fn();
    }
    this.t = to;
  }

  /** A command from the console at `when`. */
  send(command: CommandInput, when: Instant) {
    this.crank(when);
    return this.core.execute(command, 'control');
  }

  /** The process dies at `when` (no shutdown), and comes back at `back`. */
  killAndRestart(when: Instant, back: Instant): void {
    this.crank(when);
    this.scheduler?.stop();
    this.timers = [];
    this.t = back;
    this.boot();
  }

  /** The disk fails (or recovers): saves throw until it does. */
  diskFails(failing: boolean): void {
    this.store.failing = failing;
  }

  get state(): RostrumState {
    return this.core.state;
  }
}
