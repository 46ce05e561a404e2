import { describe, expect, it } from 'vitest';
import { CLOCK_STATUSES, type ClockStatus } from '../../../shared/clock/clock-state';
import { commandFor, type Intent } from '../../../shared/control/command-for';
import { initialState } from '../../../electron/engine/initial-state';
import { loadSample } from '../../builders';

const agenda = initialState(loadSample(), 1).agenda;
const at = (status: ClockStatus) => ({ clock: { status }, agenda });

/** Every intent, and the command it must be in each clock status (the same from the keys, the menu, triggers and OSC). */
const EXPECTED: { intent: Intent; command: Record<ClockStatus, object> }[] = [
  {
    intent: { kind: 'start', expected: 'x' },
    command: {
      idle: { type: 'start', expectedItemId: 'x' },
      running: { type: 'start', expectedItemId: 'x' },
      paused: { type: 'resume', expectedItemId: 'x' },
      ended: { type: 'start', expectedItemId: 'x' },
    },
  },
  {
    intent: { kind: 'toggle', expected: 'x' },
    command: {
      idle: { type: 'start', expectedItemId: 'x' },
      running: { type: 'pause', expectedItemId: 'x' },
      paused: { type: 'resume', expectedItemId: 'x' },
      ended: { type: 'start', expectedItemId: 'x' },
    },
  },
  ...(['pause', 'next', 'previous'] as const).map((kind) => ({
    intent: { kind } as Intent,
    command: Object.fromEntries(CLOCK_STATUSES.map((s) => [s, { type: kind }])) as Record<ClockStatus, object>,
  })),
  {
    intent: { kind: 'goto', itemId: 's1-martinez', expected: 'x' },
    command: Object.fromEntries(CLOCK_STATUSES.map((s) => [s, { type: 'goto', itemId: 's1-martinez', expectedItemId: 'x' }])) as Record<ClockStatus, object>,
  },
  {
    intent: { kind: 'goto-index', index: 5 },
    command: Object.fromEntries(CLOCK_STATUSES.map((s) => [s, { type: 'goto', itemId: 's1-martinez' }])) as Record<ClockStatus, object>,
  },
  {
    intent: { kind: 'adjust', seconds: -60, expected: 'x' },
    command: Object.fromEntries(CLOCK_STATUSES.map((s) => [s, { type: 'adjust', seconds: -60, expectedItemId: 'x' }])) as Record<ClockStatus, object>,
  },
  {
    intent: { kind: 'message.speaker', text: 'Wrap up', flash: true },
    command: Object.fromEntries(CLOCK_STATUSES.map((s) => [s, { type: 'message.speaker', text: 'Wrap up', flash: true }])) as Record<ClockStatus, object>,
  },
  {
    intent: { kind: 'message.clear' },
    command: Object.fromEntries(CLOCK_STATUSES.map((s) => [s, { type: 'message.clear', target: 'speaker' }])) as Record<ClockStatus, object>,
  },
];

describe('commandFor: every intent × every clock status', () => {
  it('covers every intent kind', () => {
    const kinds = new Set(EXPECTED.map((e) => e.intent.kind));
    expect([...kinds].sort()).toEqual(['adjust', 'goto', 'goto-index', 'message.clear', 'message.speaker', 'next', 'pause', 'previous', 'start', 'toggle']);
  });

  for (const { intent, command } of EXPECTED) {
    for (const status of CLOCK_STATUSES) {
      it(`${intent.kind} when ${status}`, () => {
        expect(commandFor(intent, at(status))).toEqual({ ok: true, command: command[status] });
      });
    }
  }

  it('refuses an index outside the agenda, naming it', () => {
    expect(commandFor({ kind: 'goto-index', index: 15 }, at('idle'))).toMatchObject({ ok: false, error: { code: 'unknown-item', path: 'index' } });
    expect(commandFor({ kind: 'goto-index', index: 0 }, at('idle'))).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
  });
});
