import { flattenItems } from '../agenda/agenda-queries';
import type { Agenda } from '../agenda/agenda-schema';
import type { ClockStatus } from '../clock/clock-state';
import type { CommandInput } from '../contract/commands';
import { apiError, type ApiError } from '../contract/errors';
import { holdTarget, pendingScheduledStart } from '../timing/next-transition';
import type { AuxTimerId } from '../timing/timing-state';

/**
 * What someone means by a press, before it is a command: the console's keys and buttons, the
 * shell's Session menu, the HTTP triggers and OSC all say one of these, and `commandFor` is the
 * one place that turns it into the command the core runs. `expected` is the item the caller saw
 * as current: the command then names it (`expectedItemId`), so a press based on an out-of-date
 * view is refused instead of acting on another item.
 */
export type Intent =
  | { kind: 'start' | 'pause' | 'toggle' | 'next' | 'previous'; expected?: string }
  | { kind: 'goto'; itemId: string; expected?: string }
  | { kind: 'goto-index'; index: number; expected?: string }
  | { kind: 'adjust'; seconds: number; expected?: string }
  | { kind: 'message.speaker'; text: string; flash: boolean }
  | { kind: 'message.clear' }
  | { kind: 'lower-third.show' | 'lower-third.hide' }
  /** An extra timer (docs/control.md): start, pause or reset timer 1 or 2. */
  | { kind: 'aux'; verb: AuxVerb; timerId: AuxTimerId }
  /**
   * Hold (cancel) a session's automatic start, or release it (let it start by itself again): the
   * session named, or else the one waiting to start by itself (hold) / the first held (release).
   */
  | { kind: 'hold' | 'release'; sessionId?: string };

export const AUX_VERBS = ['start', 'pause', 'reset'] as const;
export type AuxVerb = (typeof AUX_VERBS)[number];

export type IntentResult = { ok: true; command: CommandInput } | { ok: false; error: ApiError };

/** What `commandFor` reads: the clock's status and the agenda (a snapshot or the core's state). */
export interface IntentState {
  clock: { status: ClockStatus };
  agenda: Agenda;
}

const withExpected = (expected: string | undefined) => (expected === undefined ? {} : { expectedItemId: expected });

/**
 * The command for an intent in the state the caller sees. Starting a paused item is `resume`
 * (it goes on from where it was paused), and toggle is pause when running, resume when paused,
 * start otherwise: the same command whichever way the press came in.
 */
export function commandFor(intent: Intent, state: IntentState): IntentResult {
  const ok = (command: CommandInput): IntentResult => ({ ok: true, command });
  const { status } = state.clock;
  switch (intent.kind) {
    case 'start':
      return ok({ type: status === 'paused' ? 'resume' : 'start', ...withExpected(intent.expected) });
    case 'toggle':
      return ok({ type: status === 'running' ? 'pause' : status === 'paused' ? 'resume' : 'start', ...withExpected(intent.expected) });
    case 'pause':
    case 'next':
    case 'previous':
      return ok({ type: intent.kind, ...withExpected(intent.expected) });
    case 'goto':
      return ok({ type: 'goto', itemId: intent.itemId, ...withExpected(intent.expected) });
    case 'goto-index': {
      const items = flattenItems(state.agenda);
      const n = intent.index;
      if (!Number.isInteger(n) || n < 1 || n > items.length) {
        return { ok: false, error: apiError('unknown-item', `index: ${n} is not between 1 and ${items.length}`, 'index') };
      }
      return ok({ type: 'goto', itemId: items[n - 1]!.item.id, ...withExpected(intent.expected) });
    }
    case 'adjust':
      return ok({ type: 'adjust', seconds: intent.seconds, ...withExpected(intent.expected) });
    case 'message.speaker':
      return ok({ type: 'message.speaker', text: intent.text, flash: intent.flash });
    case 'message.clear':
      return ok({ type: 'message.clear', target: 'speaker' });
    case 'lower-third.show':
      return ok({ type: 'lowerThird.show' });
    case 'lower-third.hide':
      return ok({ type: 'lowerThird.hide' });
    case 'aux':
      return ok({ type: `aux.${intent.verb}`, timerId: intent.timerId });
    case 'hold':
    case 'release':
      return holdCommand(intent.kind === 'hold', intent.sessionId, state);
  }
}

type HoldInput = Parameters<typeof holdTarget>[0];
/** Hold and release read which session waits to start by itself: the core's state or a snapshot has it. */
const holdInputOf = (state: IntentState): HoldInput | null =>
  'timing' in state && 'report' in state && 'currentItemId' in state.clock ? (state as unknown as HoldInput) : null;

function holdCommand(held: boolean, sessionId: string | undefined, state: IntentState): IntentResult {
  const command = (id: string): IntentResult => ({ ok: true, command: { type: 'session.hold', sessionId: id, held } });
  if (sessionId !== undefined) return command(sessionId);
  const input = holdInputOf(state);
  if (input === null) return { ok: false, error: apiError('invalid', 'sessionId: name the session to hold or release', 'sessionId') };
  const target = held ? pendingScheduledStart(input)?.sessionId : releaseTarget(input);
  if (target === undefined) {
    return { ok: false, error: apiError('nothing-to-hold', held ? 'no session is waiting to start by itself' : 'no session has its automatic start held', 'sessionId') };
  }
  return command(target);
}

/** The held session the console's H would release, or else the first held. */
function releaseTarget(input: HoldInput): string | undefined {
  const next = holdTarget(input);
  return next !== null && !next.held ? next.sessionId : input.timing.held[0];
}

/** The item a caller that sees `clock` acts on, as `expected` (none when there is no current item). */
export const expectedFrom = (clock: { currentItemId: string | null }): { expected?: string } =>
  clock.currentItemId === null ? {} : { expected: clock.currentItemId };
