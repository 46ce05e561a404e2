import { nextAutomaticTransition } from '../../shared/timing/next-transition';
import type { Instant } from '../../shared/time/instant';
import type { RostrumCore } from '../server/core';

/** Node's timers, injected so that tests can crank them by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutoScheduler {
  stop(): void;
}

/** setTimeout's longest delay; a transition further off is re-armed when this one fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** More than any day can hold: a bound against a transition that would not stop coming due. */
const MAX_CATCH_UP = 10_000;
/** After a failed save, the transition is tried again this much later (still applied at its own instant). */
export const RETRY_AFTER_MS = 1_000;

/**
 * Applies the automatic transitions (docs/schedule.md "Automatic transitions"). The decision is
 * `nextAutomaticTransition`'s; this only arms ONE timer for it and, when due, runs its command
 * through the core (`runAutomatic`: validated, saved, broadcast, principal `automatic`) at the
 * transition's own instant, not the timer's. Whatever came due while the server was down is applied
 * on start, each at its own timestamp, in order; before every client command, whatever came due
 * just before it is applied first.
 */
export function startAutoScheduler(core: RostrumCore, timers: Timers = globalThis, log: (line: string) => void = console.warn): AutoScheduler {
  let handle: unknown = null;
  let stopped = false;
  /** A transition the core refused or ignored: not tried again until the state changes it. */
  let stuck: string | null = null;
  /** Not before this instant: the last try could not be saved (a full or failing disk). */
  let retryAt = 0;

  const catchUp = (now: Instant): void => {
    for (let n = 0; n < MAX_CATCH_UP; n += 1) {
      const due = nextAutomaticTransition(core.state);
      if (due === null || due.at > now) return;
      const id = `${due.key}@${due.at}`;
      if (id === stuck) return;
      const before = core.state.revision;
      const ack = core.runAutomatic(due.command, due.at);
      if (!ack.ok && ack.error.code === 'persist-failed') {
        retryAt = now + RETRY_AFTER_MS;
        log(`Rostrum: the automatic ${due.command.type} (${due.key}) could not be saved; trying again: ${ack.error.message}`);
        return;
      }
      if (!ack.ok || core.state.revision === before) {
        stuck = id;
        log(`Rostrum: the automatic ${due.command.type} (${due.key}) was not applied: ${ack.ok ? 'nothing to do' : ack.error.message}`);
        return;
      }
    }
  };

  const arm = (): void => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    if (stopped) return;
    const due = nextAutomaticTransition(core.state);
    if (due === null || `${due.key}@${due.at}` === stuck) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, Math.max(due.at, retryAt) - core.clock.now()));
    handle = timers.setTimeout(() => {
      handle = null;
      catchUp(core.clock.now());
      arm();
    }, delay);
    // The server keeps the process alive; a pending transition alone must not.
    (handle as { unref?: () => void } | null)?.unref?.();
  };

  const offBefore = core.beforeCommand(catchUp);
  const offPatch = core.onPatch(() => arm());
  catchUp(core.clock.now());
  arm();
  return {
    stop: () => {
      stopped = true;
      offBefore();
      offPatch();
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}
