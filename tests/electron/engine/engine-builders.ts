/**
 * Helpers for the engine tests: a small fixed agenda, and commands sent the way the server sends
 * them (validated first, then applied). Time is a value: tests crank `t` by hand and pass it in.
 */
import { expect } from 'vitest';
import type { Agenda } from '../../../shared/agenda/agenda-schema';
import { clockView } from '../../../shared/clock/clock-view';
import type { Command, CommandInput } from '../../../shared/contract/commands';
import { CommandError, type ApiError } from '../../../shared/contract/errors';
import type { ClockView, RostrumState } from '../../../shared/contract/state';
import { validateCommand } from '../../../shared/contract/validate';
import type { Instant } from '../../../shared/time/instant';
import { applyCommand } from '../../../electron/engine/apply-command';
import { initialState } from '../../../electron/engine/initial-state';
import { makeAgenda, makeItem, makeSession } from '../../builders';

/**
 * Two sessions, five items:
 *   morning:   a (10:00), b (5:00), c (no duration: counts up)
 *   afternoon: d (15:00), e (2:00)
 */
export function fiveItems(): Agenda {
  return makeAgenda({
    sessions: [
      makeSession({
        id: 'morning',
        plannedStart: '09:00',
        plannedEnd: '10:00',
        items: [makeItem({ id: 'a', durationSec: 600 }), makeItem({ id: 'b', durationSec: 300 }), makeItem({ id: 'c' })],
      }),
      makeSession({
        id: 'afternoon',
        plannedStart: '14:00',
        plannedEnd: '15:00',
        items: [makeItem({ id: 'd', durationSec: 900 }), makeItem({ id: 'e', durationSec: 120 })],
      }),
    ],
  });
}

export const fresh = (agenda: Agenda = fiveItems()): RostrumState => initialState(agenda);

/** Validates like the server does; a test that sends an invalid command fails loudly here. */
export function cmd(input: CommandInput): Command {
  const v = validateCommand(input);
  if (!v.ok) throw new Error(`test sent an invalid command: ${v.error.message}`);
  return v.value;
}

export const send = (state: RostrumState, input: CommandInput, now: Instant): RostrumState => applyCommand(state, cmd(input), now);

/** Sends a command that must be refused; checks the refusal left the state exactly as it was. */
export function refused(state: RostrumState, input: CommandInput, now: Instant): ApiError {
  const before = structuredClone(state);
  let error: unknown;
  try {
    applyCommand(state, cmd(input), now);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CommandError);
  expect(state).toEqual(before);
  return (error as CommandError).toApiError();
}

export const view = (state: RostrumState, now: Instant): ClockView => clockView(state.clock, state.agenda, now);

/** Item ids in agenda order, per session. */
export const order = (state: RostrumState): Record<string, string[]> =>
  Object.fromEntries(state.agenda.sessions.map((s) => [s.id, s.items.map((i) => i.id)]));

export const itemOf = (state: RostrumState, id: string) => state.agenda.sessions.flatMap((s) => s.items).find((i) => i.id === id);
