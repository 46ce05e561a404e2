import { flattenItems, findItem } from '../../shared/agenda/agenda-queries';
import { clockView } from '../../shared/clock/clock-view';
import { formatClockDisplay } from '../../shared/clock/format';
import type { CommandInput } from '../../shared/contract/commands';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';

/**
 * The simple actions of external controllers (HTTP triggers, OSC), turned into ordinary
 * commands for `RostrumCore.execute`. Pure: the state and time are passed in.
 */
export type ControlAction =
  | { kind: 'start' | 'pause' | 'toggle' | 'next' | 'previous'; expected?: string }
  | { kind: 'goto'; itemId: string; expected?: string }
  | { kind: 'goto-index'; index: number; expected?: string }
  | { kind: 'adjust'; seconds: number; expected?: string }
  | { kind: 'message.speaker'; text: string; flash: boolean }
  | { kind: 'message.clear' };

export type ActionResult = { ok: true; command: CommandInput } | { ok: false; error: ApiError };

const withExpected = (expected: string | undefined) => (expected === undefined ? {} : { expectedItemId: expected });

export function commandForAction(action: ControlAction, state: RostrumState): ActionResult {
  switch (action.kind) {
    case 'start':
    case 'pause':
    case 'next':
    case 'previous':
      return { ok: true, command: { type: action.kind, ...withExpected(action.expected) } };
    case 'toggle': {
      const type = state.clock.status === 'running' ? 'pause' : 'start';
      return { ok: true, command: { type, ...withExpected(action.expected) } };
    }
    case 'goto':
      return { ok: true, command: { type: 'goto', itemId: action.itemId, ...withExpected(action.expected) } };
    case 'goto-index': {
      const items = flattenItems(state.agenda);
      const n = action.index;
      if (!Number.isInteger(n) || n < 1 || n > items.length) {
        return { ok: false, error: apiError('unknown-item', `index: ${n} is not between 1 and ${items.length}`, 'index') };
      }
      return { ok: true, command: { type: 'goto', itemId: items[n - 1]!.item.id, ...withExpected(action.expected) } };
    }
    case 'adjust':
      return { ok: true, command: { type: 'adjust', seconds: action.seconds, ...withExpected(action.expected) } };
    case 'message.speaker':
      return { ok: true, command: { type: 'message.speaker', text: action.text, flash: action.flash } };
    case 'message.clear':
      return { ok: true, command: { type: 'message.clear', target: 'speaker' } };
  }
}

export interface ControlSummary {
  status: RostrumState['clock']['status'];
  phase: string;
  current: { id: string; title: string; speaker: string } | null;
  /** ms: negative in overtime, null when the item counts up; text: the digits the monitors show. */
  remaining: { ms: number | null; text: string };
}

/** What a controller shows: status, phase, current item, remaining time as of `now`. */
export function controlSummary(state: RostrumState, now: Instant): ControlSummary {
  const view = clockView(state.clock, state.agenda, now);
  const item = findItem(state.agenda, state.clock.currentItemId)?.item;
  return {
    status: state.clock.status,
    phase: view.phase,
    current: item ? { id: item.id, title: item.title, speaker: item.speaker.name } : null,
    remaining: {
      ms: view.remainingMs,
      text: state.clock.status === 'ended' ? '' : formatClockDisplay(view.remainingMs, view.elapsedMs),
    },
  };
}

/** Whole seconds as the monitors count them: rounded up before zero, down in overtime (negative). */
export function remainingSeconds(ms: number | null): number {
  if (ms === null) return 0;
  return ms >= 0 ? Math.ceil(ms / 1000) : -Math.floor(-ms / 1000);
}
