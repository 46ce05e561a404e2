import { describe, expect, it } from 'vitest';
import { parseSavedState } from '../../../electron/persistence/state-file-schema';
import type { RostrumState } from '../../../shared/contract/state';
import { T0, at, loadSample } from '../../builders';
import { fresh, send } from '../engine/engine-builders';

const sample = loadSample();
/** What JSON.stringify + JSON.parse make of a state: what the file holds. */
const onDisk = (state: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(state)) as Record<string, unknown>;

/** A state as the version before display, booth and recovery saved it. */
function olderState(): Record<string, unknown> {
  let s = fresh(sample);
  s = send(s, { type: 'start' }, at('14:00'));
  s = send(s, { type: 'message.speaker', text: 'Please wrap up', flash: true }, at('14:05'));
  s = send(s, { type: 'message.booth', text: 'Next in Chinese' }, at('14:06'));
  const { display: _d, booth: _b, recovery: _r, ...older } = onDisk(s);
  const messages = older['messages'] as { speaker: Record<string, unknown> };
  delete messages.speaker['preset'];
  return older;
}

const problem = (value: unknown): string => {
  try {
    parseSavedState(value);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseSavedState to throw');
};

describe('loading a state saved before display, booth and recovery existed', () => {
  it('loads, with the new parts at their defaults', () => {
    const saved = olderState();
    expect(saved).not.toHaveProperty('booth');
    const state = parseSavedState(saved);
    expect(state.display).toEqual({ speakerBlank: false, lowerThird: { holdSec: 8, cue: null }, audienceShowsLate: false });
    expect(state.booth).toEqual({ requests: [], turns: {}, mayEditNotes: false });
    expect(state.recovery).toBeNull();
    expect(state.messages).toEqual({
      speaker: { text: 'Please wrap up', flash: true, preset: null, sentAt: at('14:05'), keepAcrossItems: false },
      booth: { text: 'Next in Chinese', sentAt: at('14:06') },
    });
    expect(state.revision).toBe(3);
    expect(state.clock).toMatchObject({ status: 'running', currentItemId: 'open-local-gov', runningSince: at('14:00') });
    expect(state.agenda).toEqual(sample);
  });

  it('the loaded state runs the new commands', () => {
    let s = parseSavedState(olderState());
    s = send(s, { type: 'booth.request', booth: 'Booth A', kind: 'slow-down' }, at('14:07'));
    s = send(s, { type: 'display.blank', blank: true }, at('14:07'));
    expect(s.booth.requests).toHaveLength(1);
    expect(s.display.speakerBlank).toBe(true);
    expect(s.revision).toBe(5);
  });

  it('loads a state with no messages sent (speaker null)', () => {
    const { display: _d, booth: _b, recovery: _r, ...older } = onDisk(fresh(sample));
    const state = parseSavedState(older);
    expect(state.messages).toEqual({ speaker: null, booth: null });
    expect(state.booth.requests).toEqual([]);
  });
});

describe('loading a current state', () => {
  it('gives back exactly what was saved', () => {
    let s: RostrumState = fresh(sample);
    s = send(s, { type: 'start' }, at('14:00'));
    s = send(s, { type: 'next' }, at('14:10'));
    s = send(s, { type: 'recovery.apply' }, at('14:10'));
    s = send(s, { type: 'message.speaker', text: 'One minute', preset: 'one-minute' }, at('14:11'));
    s = send(s, { type: 'display.blank', blank: true }, at('14:12'));
    s = send(s, { type: 'booth.request', booth: 'Booth A', kind: 'text', text: 'Slides?' }, at('14:12'));
    s = send(s, { type: 'booth.ack', requestId: s.booth.requests[0]!.id }, at('14:13'));
    s = send(s, { type: 'booth.turn.start', booth: 'Booth A', turnSec: 900 }, at('14:13'));
    s = send(s, { type: 'settings.update', boothMayEditNotes: true }, at('14:14'));
    expect(parseSavedState(onDisk(s))).toEqual(s);
  });

  it('keeps fields a later version added', () => {
    const saved = { ...onDisk(fresh()), futurePart: { x: 1 } };
    expect(parseSavedState(saved)).toMatchObject({ futurePart: { x: 1 } });
  });
});

describe('a wrong shape throws, naming the path', () => {
  it('of an old part', () => {
    expect(problem({ ...onDisk(fresh()), clock: { ...fresh().clock, status: 'flying' } })).toMatch(
      /^state\.json is not a Rostrum state \(clock\.status: /,
    );
    const agenda = onDisk(fresh().agenda) as { sessions: { items: { durationSec: unknown }[] }[] };
    agenda.sessions[0]!.items[0]!.durationSec = -5;
    expect(problem({ ...onDisk(fresh()), agenda })).toMatch(/\(agenda\.sessions\.0\.items\.0\.durationSec: /);
    expect(problem({ ...onDisk(fresh()), revision: -1 })).toMatch(/\(revision: /);
  });

  it('of no object at all', () => {
    expect(problem(null)).toMatch(/^state\.json is not a Rostrum state \(root: /);
    expect(problem('state')).toMatch(/\(root: /);
  });

  it('of the speaker message preset', () => {
    const saved = onDisk(send(fresh(), { type: 'message.speaker', text: 'x', preset: 'wrap-up' }, T0));
    (saved['messages'] as { speaker: { preset: unknown } }).speaker.preset = 'dance';
    expect(problem(saved)).toMatch(/\(messages\.speaker\.preset: /);
  });

  it('of the display part', () => {
    expect(problem({ ...onDisk(fresh()), display: { speakerBlank: 'yes' } })).toMatch(/\(display\.speakerBlank: /);
  });

  it('of the booth part', () => {
    const good = onDisk(send(fresh(), { type: 'booth.request', booth: 'Booth A', kind: 'no-audio' }, T0));
    const booth = good['booth'] as RostrumState['booth'];
    expect(problem({ ...good, booth: { ...booth, requests: 'none' } })).toMatch(/\(booth\.requests: /);
    expect(problem({ ...good, booth: { ...booth, requests: [{ ...booth.requests[0], count: 'two' }] } })).toMatch(
      /\(booth\.requests\.0\.count: /,
    );
    expect(problem({ ...good, booth: { ...booth, turns: { A: { turnSec: 900 } } } })).toMatch(/\(booth\.turns\.A\.startedAt: /);
    expect(problem({ ...good, booth: { requests: [], turns: {} } })).toMatch(/\(booth\.mayEditNotes: /);
  });

  it('of the recovery part', () => {
    expect(problem({ ...onDisk(fresh()), recovery: { appliedAt: T0, previous: { a: 'long' } } })).toMatch(/\(recovery\.previous\.a: /);
    expect(problem({ ...onDisk(fresh()), recovery: 'undo' })).toMatch(/\(recovery: /);
  });
});

describe('out-of-range numbers and broken references throw, naming the field (issue 14 §4)', () => {
  const running = () => onDisk(send(fresh(), { type: 'start' }, T0));
  const withClock = (clock: Record<string, unknown>) => {
    const s = running();
    return { ...s, clock: { ...(s['clock'] as object), ...clock } };
  };

  it('state-epoch-overflow: an instant such as runningSince 1e300 is refused', () => {
    expect(problem(withClock({ runningSince: 1e300 }))).toMatch(/\(clock\.runningSince: must be a time before 2100-01-01\)/);
    expect(problem(withClock({ runningSince: -1 }))).toMatch(/\(clock\.runningSince: must be a time after 2000-01-01\)/);
    const s = onDisk(send(fresh(), { type: 'message.booth', text: 'x' }, T0));
    (s['messages'] as { booth: { sentAt: number } }).booth.sentAt = 8.64e15;
    expect(problem(s)).toMatch(/\(messages\.booth\.sentAt: /);
  });

  it('state-duration-overflow: a length of time beyond 400 days either way is refused', () => {
    expect(problem(withClock({ accumulatedMs: 1e300 }))).toMatch(/\(clock\.accumulatedMs: must be within 400 days\)/);
    expect(problem(withClock({ addedMs: -1e20 }))).toMatch(/\(clock\.addedMs: must be within 400 days\)/);
    const s = onDisk(send(send(fresh(), { type: 'start' }, T0), { type: 'next' }, at('14:10')));
    const report = s['report'] as Record<string, { elapsedMs: number }>;
    report[Object.keys(report)[0]!]!.elapsedMs = 1e300;
    expect(problem(s)).toMatch(/\(report\.[\w-]+\.elapsedMs: must be within 400 days\)/);
    const turns = onDisk(send(fresh(), { type: 'booth.turn.start', booth: 'A', turnSec: 900 }, T0));
    (turns['booth'] as { turns: { A: { turnSec: number } } }).turns.A.turnSec = 1e12;
    expect(problem(turns)).toMatch(/\(booth\.turns\.A\.turnSec: /);
  });

  it('state-current-item-missing: a current item that names no item of the agenda is refused', () => {
    expect(problem(withClock({ currentItemId: 'no-such-item' }))).toMatch(/\(clock\.currentItemId: names no item of the agenda \("no-such-item"\)\)/);
  });

  it('state-clock-inconsistent: a running clock without runningSince, or a stopped one with it, is refused', () => {
    expect(problem(withClock({ runningSince: null }))).toMatch(/\(clock\.runningSince: must be set exactly while the clock is running\)/);
    expect(problem(withClock({ status: 'paused' }))).toMatch(/\(clock\.runningSince: /);
  });

  it('still loads records of items removed since (an undo re-inserts them)', () => {
    let s = send(send(fresh(), { type: 'start' }, T0), { type: 'next' }, at('14:10'));
    const ran = Object.keys(s.report)[0]!;
    s = send(s, { type: 'item.remove', itemId: ran }, at('14:11'));
    expect(s.report[ran]).toBeDefined();
    expect(parseSavedState(onDisk(s))).toEqual(s);
  });
});
