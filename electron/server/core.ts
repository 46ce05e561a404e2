import type { CommandAck } from '../../shared/contract/commands';
import { isDisplayCommand, type DisplayCommand } from '../../shared/contract/displays';
import { permissionRefusal } from '../../shared/contract/permissions';
import { CommandError, apiError, type ApiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { RostrumState, StatePatch } from '../../shared/contract/state';
import { validateCommand } from '../../shared/contract/validate';
import type { Clock, Instant } from '../../shared/time/instant';
import type { Command } from '../../shared/contract/commands';
import { applyCommand } from '../engine/apply-command';
import type { StateStore } from '../persistence/state-store';
import { makePatch } from './snapshot';

/** Who sent a command: a token's role, or the server's own scheduler of automatic transitions. */
export type Principal = Role | 'automatic';
export type PatchListener = (patch: StatePatch, state: RostrumState, meta: { principal: Principal }) => void;
/** Runs a display command (presence, not state: electron/server/display-commands.ts); null when done. */
export type DisplayCommandHandler = (cmd: DisplayCommand) => ApiError | null;

/**
 * The main process's state holder: validates, checks the role, applies, persists, broadcasts, then
 * acknowledges — in that order. Persisting first means nothing acknowledged can be lost; the patch
 * goes out before `execute` returns, so on the sender's own socket the patch arrives before its
 * ack, and a client that awaits the ack already shows the new state. A listener that fails (a
 * broken OSC target, a closed window) is logged and skipped: the command is saved, so its answer
 * stays the truth, and the listeners after it still run.
 */
export class RostrumCore {
  private current: RostrumState;
  private readonly listeners = new Set<PatchListener>();
  private displayCommands: DisplayCommandHandler | null = null;
  private readonly beforeHooks = new Set<(now: Instant) => void>();
  /** Shown to every client until the next start (e.g. a corrupt state file was moved aside). */
  startupWarning: string | null = null;

  constructor(
    initial: RostrumState,
    private readonly store: StateStore,
    readonly clock: Clock,
    private readonly onListenerError: (error: unknown) => void = (error) =>
      console.error(`Rostrum: a listener failed after a saved command: ${(error as Error)?.stack ?? String(error)}`),
  ) {
    this.current = initial;
  }

  get state(): RostrumState {
    return this.current;
  }

  onPatch(listener: PatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Who runs the display commands: the socket server, which knows the displays. */
  handleDisplayCommands(handler: DisplayCommandHandler): void {
    this.displayCommands = handler;
  }

  /**
   * Runs before every command from a client, with the instant it will be applied at: the scheduler
   * of automatic transitions (electron/timing/auto-scheduler.ts) applies whatever came due first,
   * so a transition and a key press are applied in the order of their instants.
   */
  beforeCommand(hook: (now: Instant) => void): () => void {
    this.beforeHooks.add(hook);
    return () => this.beforeHooks.delete(hook);
  }

  /** `role` null: the caller presented no token. */
  execute(input: unknown, role: Role | null): CommandAck {
    const result = this.run(input, role);
    return toAck(result);
  }

  /**
   * A command of the server's own (principal `automatic`), applied at `at` rather than now: an
   * automatic transition lands on its own millisecond of the anchored clock, however late its timer
   * (or the restart) runs. Validated, saved and broadcast like any other; no role check.
   */
  runAutomatic(input: unknown, at: Instant): CommandAck {
    const validated = validateCommand(input);
    if (!validated.ok) return { ok: false, error: validated.error };
    return toAck(this.apply(validated.value, at, 'automatic'));
  }

  private run(input: unknown, role: Role | null): ApiError | RostrumState {
    if (role === null) return apiError('unauthorized', 'a control token is required to send commands');
    const validated = validateCommand(input);
    if (!validated.ok) return validated.error;
    const cmd = validated.value;
    const refusal = permissionRefusal(cmd, role, this.current);
    if (refusal) return refusal;
    // Presence, not state: same validation, role check and rate limits, but no revision and no save.
    if (isDisplayCommand(cmd)) {
      const handled = this.displayCommands ? this.displayCommands(cmd) : apiError('unknown-display', 'displayId: no display is connected to this server', 'displayId');
      return handled ?? this.current;
    }
    const now = this.clock.now();
    for (const hook of this.beforeHooks) hook(now);
    return this.apply(cmd, now, role);
  }

  private apply(cmd: Command, now: Instant, principal: Principal): ApiError | RostrumState {
    const prev = this.current;
    let next: RostrumState;
    try {
      next = applyCommand(prev, cmd, now);
    } catch (error) {
      if (error instanceof CommandError) return error.toApiError();
      throw error;
    }
    if (next === prev) return prev;
    try {
      this.store.save(next);
    } catch (error) {
      return apiError('persist-failed', `the change could not be saved: ${(error as Error).message}`);
    }
    this.publish(prev, next, now, principal);
    return next;
  }

  /**
   * Saves `next` as this room's state without adopting it: a change across rooms (moving an item,
   * electron/rooms/move-item.ts) saves every room's file first, then adopts in each. Throws when the
   * save fails; the state in memory is untouched either way.
   */
  saveAhead(next: RostrumState): void {
    this.store.save(next);
  }

  /** Adopts a state already saved by `saveAhead`, and broadcasts it as any command's. */
  adopt(next: RostrumState, principal: Principal): void {
    const prev = this.current;
    if (next === prev) return;
    this.publish(prev, next, this.clock.now(), principal);
  }

  private publish(prev: RostrumState, next: RostrumState, now: Instant, principal: Principal): void {
    this.current = next;
    const patch = makePatch(prev, next, now);
    for (const listener of this.listeners) {
      try {
        listener(patch, next, { principal });
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Saves the current state again and flushes it to disk (on shutdown). */
  flush(): void {
    this.store.save(this.current);
    this.store.flush?.();
  }
}

const toAck = (result: ApiError | RostrumState): CommandAck =>
  'code' in result ? { ok: false, error: result } : { ok: true, revision: result.revision };
