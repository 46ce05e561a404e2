import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../shared/contract/commands';
import { DEFAULT_TURN_SEC, MAX_CLOSED_REQUESTS } from '../../../shared/contract/presets';
import type { BoothRequest, RostrumState } from '../../../shared/contract/state';
import { validateCommand } from '../../../shared/contract/validate';
import type { Instant } from '../../../shared/time/instant';
import { MINUTE, SECOND, T0, later } from '../../builders';
import { fresh, itemOf, refused, send } from './engine-builders';

// A hand-cranked clock: every test moves `t` on explicitly and passes it in.
let t: Instant;
const wait = (ms: number) => {
  t = later(t, ms);
};

beforeEach(() => {
  t = T0;
});

/** The refusal zod gives for a malformed command, as the server would send it. */
function invalid(input: Record<string, unknown>) {
  const v = validateCommand(input);
  if (v.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return v.error;
}

const ask = (state: RostrumState, booth: string, kind: 'slow-down' | 'no-audio' | 'need-text' | 'text', text?: string) =>
  send(state, { type: 'booth.request', booth, kind, ...(text !== undefined ? { text } : {}) }, t);

const only = (state: RostrumState): BoothRequest => {
  expect(state.booth.requests).toHaveLength(1);
  return state.booth.requests[0]!;
};

const summary = (state: RostrumState) =>
  state.booth.requests.map((r) => [r.booth, r.kind, r.acknowledgedAt === null ? 'open' : 'acked', r.count]);

describe('booth.request', () => {
  it('opens a request stamped with now, leaving the rest of the state alone', () => {
    const s0 = fresh();
    const s1 = ask(s0, 'Booth A', 'slow-down');
    expect(s1.revision).toBe(1);
    expect(only(s1)).toEqual({
      id: expect.any(String),
      booth: 'Booth A',
      kind: 'slow-down',
      text: '',
      firstAt: T0,
      lastAt: T0,
      count: 1,
      acknowledgedAt: null,
    });
    expect(s1.agenda).toBe(s0.agenda);
    expect(s1.clock).toBe(s0.clock);
    expect(s1.messages).toBe(s0.messages);
    expect(s1.booth.turns).toBe(s0.booth.turns);
    expect(s1.booth.mayEditNotes).toBe(false);
  });

  it('asking again while it is open bumps count and lastAt, keeping id and firstAt', () => {
    const s1 = ask(fresh(), 'Booth A', 'slow-down');
    const id = only(s1).id;
    wait(20 * SECOND);
    const s2 = ask(s1, 'Booth A', 'slow-down');
    wait(15 * SECOND);
    const s3 = ask(s2, 'Booth A', 'slow-down');
    expect(s3.revision).toBe(3);
    expect(only(s3)).toMatchObject({ id, firstAt: T0, lastAt: later(T0, 35 * SECOND), count: 3, acknowledgedAt: null });
    // The earlier state is untouched (the engine never mutates).
    expect(only(s1)).toMatchObject({ count: 1, lastAt: T0 });
  });

  it('keeps different booths, and different kinds of one booth, as separate requests', () => {
    let s = ask(fresh(), 'Booth A', 'slow-down');
    wait(SECOND);
    s = ask(s, 'Booth B', 'slow-down');
    wait(SECOND);
    s = ask(s, 'Booth A', 'no-audio');
    wait(SECOND);
    s = ask(s, 'Booth B', 'slow-down');
    expect(summary(s)).toEqual([
      ['Booth A', 'slow-down', 'open', 1],
      ['Booth B', 'slow-down', 'open', 2],
      ['Booth A', 'no-audio', 'open', 1],
    ]);
    expect(new Set(s.booth.requests.map((r) => r.id)).size).toBe(3);
  });

  it('trims the booth name, so "Booth A " and "Booth A" are the same booth', () => {
    let s = ask(fresh(), 'Booth A', 'need-text');
    s = ask(s, '  Booth A ', 'need-text');
    expect(only(s)).toMatchObject({ booth: 'Booth A', count: 2 });
  });

  it('a free-text request carries its text; asking again replaces the text', () => {
    let s = ask(fresh(), 'Booth A', 'text', '  Which slide is this? ');
    expect(only(s)).toMatchObject({ kind: 'text', text: 'Which slide is this?', count: 1 });
    wait(5 * SECOND);
    s = ask(s, 'Booth A', 'text', 'Slide 12 please');
    expect(only(s)).toMatchObject({ kind: 'text', text: 'Slide 12 please', count: 2, lastAt: later(T0, 5 * SECOND) });
  });

  it('a free-text request without text is invalid, naming the field `text`', () => {
    expect(invalid({ type: 'booth.request', booth: 'Booth A', kind: 'text' })).toMatchObject({ code: 'invalid', path: 'text' });
    expect(invalid({ type: 'booth.request', booth: 'Booth A', kind: 'text', text: '   ' })).toMatchObject({
      code: 'invalid',
      path: 'text',
    });
  });

  it('refuses an empty booth name and an unknown kind', () => {
    expect(invalid({ type: 'booth.request', booth: '  ', kind: 'slow-down' })).toMatchObject({ code: 'invalid', path: 'booth' });
    expect(invalid({ type: 'booth.request', booth: 'Booth A', kind: 'louder' })).toMatchObject({ code: 'invalid', path: 'kind' });
  });
});

describe('booth.ack', () => {
  it('sets acknowledgedAt to now and leaves the request in the list', () => {
    const s1 = ask(fresh(), 'Booth A', 'no-audio');
    const id = only(s1).id;
    wait(40 * SECOND);
    const s2 = send(s1, { type: 'booth.ack', requestId: id }, t);
    expect(s2.revision).toBe(2);
    expect(only(s2)).toEqual({ ...only(s1), acknowledgedAt: later(T0, 40 * SECOND) });
  });

  it('acknowledging twice is a no-op: same object, the first acknowledgement stands', () => {
    const s1 = ask(fresh(), 'Booth A', 'no-audio');
    const s2 = send(s1, { type: 'booth.ack', requestId: only(s1).id }, t);
    wait(MINUTE);
    expect(send(s2, { type: 'booth.ack', requestId: only(s1).id }, t)).toBe(s2);
    expect(only(s2).acknowledgedAt).toBe(T0);
  });

  it('refuses an unknown request id, naming requestId', () => {
    const s1 = ask(fresh(), 'Booth A', 'no-audio');
    expect(refused(s1, { type: 'booth.ack', requestId: 'req-nope' }, t)).toMatchObject({
      code: 'unknown-request',
      path: 'requestId',
    });
  });

  it('after an acknowledgement, asking again opens a new request', () => {
    const s1 = ask(fresh(), 'Booth A', 'slow-down');
    const first = only(s1).id;
    wait(10 * SECOND);
    const s2 = send(s1, { type: 'booth.ack', requestId: first }, t);
    wait(10 * SECOND);
    const s3 = ask(s2, 'Booth A', 'slow-down');
    expect(s3.booth.requests).toHaveLength(2);
    const [open, closed] = s3.booth.requests;
    expect(open).toMatchObject({ booth: 'Booth A', kind: 'slow-down', count: 1, firstAt: later(T0, 20 * SECOND), acknowledgedAt: null });
    expect(open!.id).not.toBe(first);
    expect(closed).toMatchObject({ id: first, acknowledgedAt: later(T0, 10 * SECOND) });
  });
});

describe('request order', () => {
  it('open requests oldest first, then acknowledged ones newest first', () => {
    let s = fresh();
    const idOf = (booth: string, kind: string) => s.booth.requests.find((r) => r.booth === booth && r.kind === kind)!.id;
    s = ask(s, 'A', 'slow-down'); // T0
    wait(SECOND);
    s = ask(s, 'B', 'slow-down'); // +1
    wait(SECOND);
    s = ask(s, 'C', 'need-text'); // +2
    wait(SECOND);
    s = ask(s, 'D', 'no-audio'); // +3
    wait(SECOND);
    // Asking again does not move a request to the back: it has waited since it was first asked.
    s = ask(s, 'A', 'slow-down');
    expect(s.booth.requests.map((r) => r.booth)).toEqual(['A', 'B', 'C', 'D']);

    wait(SECOND);
    s = send(s, { type: 'booth.ack', requestId: idOf('C', 'need-text') }, t);
    wait(SECOND);
    s = send(s, { type: 'booth.ack', requestId: idOf('A', 'slow-down') }, t);
    expect(s.booth.requests.map((r) => [r.booth, r.acknowledgedAt])).toEqual([
      ['B', null],
      ['D', null],
      ['A', later(T0, 6 * SECOND)],
      ['C', later(T0, 5 * SECOND)],
    ]);
  });

  it(`keeps only the ${MAX_CLOSED_REQUESTS} most recently acknowledged requests, and every open one`, () => {
    expect(MAX_CLOSED_REQUESTS).toBe(50);
    let s = fresh();
    // 55 requests asked and acknowledged in turn; then one left open.
    for (let n = 0; n < 55; n += 1) {
      s = ask(s, 'Booth A', 'slow-down');
      wait(SECOND);
      s = send(s, { type: 'booth.ack', requestId: s.booth.requests[0]!.id }, t);
      wait(SECOND);
    }
    s = ask(s, 'Booth B', 'no-audio');
    expect(s.booth.requests).toHaveLength(51);
    expect(s.booth.requests[0]).toMatchObject({ booth: 'Booth B', acknowledgedAt: null });
    const closed = s.booth.requests.slice(1);
    // The newest acknowledgement (of the 55th request) first, the oldest kept (of the 6th) last.
    expect(closed[0]!.acknowledgedAt).toBe(later(T0, (54 * 2 + 1) * SECOND));
    expect(closed[49]!.acknowledgedAt).toBe(later(T0, (5 * 2 + 1) * SECOND));
    expect(closed.every((r) => r.acknowledgedAt !== null)).toBe(true);
  });
});

describe('booth turns', () => {
  it('start: the turn runs from now, 30:00 by default', () => {
    expect(DEFAULT_TURN_SEC).toBe(1800);
    const s0 = fresh();
    wait(3 * MINUTE);
    const s1 = send(s0, { type: 'booth.turn.start', booth: 'Booth A' }, t);
    expect(s1.revision).toBe(1);
    expect(s1.booth.turns).toEqual({ 'Booth A': { turnSec: 1800, startedAt: later(T0, 3 * MINUTE) } });
    expect(s1.booth.requests).toBe(s0.booth.requests);
  });

  it('start with a length sets it; a later start without one restarts the turn and keeps the length', () => {
    let s = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A', turnSec: 900 }, t);
    expect(s.booth.turns['Booth A']).toEqual({ turnSec: 900, startedAt: T0 });
    wait(15 * MINUTE);
    s = send(s, { type: 'booth.turn.start', booth: 'Booth A' }, t);
    expect(s.booth.turns['Booth A']).toEqual({ turnSec: 900, startedAt: later(T0, 15 * MINUTE) });
  });

  it('reset stops the turn (startedAt null) and keeps its length; resetting again is a no-op', () => {
    const s1 = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A', turnSec: 1200 }, t);
    wait(4 * MINUTE);
    const s2 = send(s1, { type: 'booth.turn.reset', booth: 'Booth A' }, t);
    expect(s2.revision).toBe(2);
    expect(s2.booth.turns['Booth A']).toEqual({ turnSec: 1200, startedAt: null });
    expect(send(s2, { type: 'booth.turn.reset', booth: 'Booth A' }, t)).toBe(s2);
  });

  it('length changes the length and leaves a running turn running; the same length is a no-op', () => {
    const s1 = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A' }, t);
    wait(MINUTE);
    const s2 = send(s1, { type: 'booth.turn.length', booth: 'Booth A', turnSec: 1200 }, t);
    expect(s2.booth.turns['Booth A']).toEqual({ turnSec: 1200, startedAt: T0 });
    expect(send(s2, { type: 'booth.turn.length', booth: 'Booth A', turnSec: 1200 }, t)).toBe(s2);
  });

  it('length of a booth that never started sets the length without starting it', () => {
    const s = send(fresh(), { type: 'booth.turn.length', booth: 'Booth C', turnSec: 600 }, t);
    expect(s.booth.turns).toEqual({ 'Booth C': { turnSec: 600, startedAt: null } });
  });

  it('keeps one turn per booth name', () => {
    let s = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A', turnSec: 900 }, t);
    wait(2 * MINUTE);
    s = send(s, { type: 'booth.turn.start', booth: 'Booth B' }, t);
    wait(2 * MINUTE);
    s = send(s, { type: 'booth.turn.reset', booth: 'Booth A' }, t);
    s = send(s, { type: 'booth.turn.length', booth: 'Booth B', turnSec: 1200 }, t);
    expect(s.booth.turns).toEqual({
      'Booth A': { turnSec: 900, startedAt: null },
      'Booth B': { turnSec: 1200, startedAt: later(T0, 2 * MINUTE) },
    });
  });

  it('a booth named like an Object property is just a name', () => {
    let s = send(fresh(), { type: 'booth.turn.reset', booth: 'constructor' }, t);
    expect(s.booth.turns).toEqual({ constructor: { turnSec: 1800, startedAt: null } });
    s = send(s, { type: 'booth.turn.start', booth: 'toString' }, t);
    expect(Object.keys(s.booth.turns)).toEqual(['constructor', 'toString']);
    expect(s.booth.turns['toString']).toEqual({ turnSec: 1800, startedAt: T0 });
  });

  it('refuses lengths outside 1 s to 2 h, naming turnSec', () => {
    for (const turnSec of [0, 7201, 90.5]) {
      expect(invalid({ type: 'booth.turn.length', booth: 'Booth A', turnSec })).toMatchObject({ code: 'invalid', path: 'turnSec' });
      expect(invalid({ type: 'booth.turn.start', booth: 'Booth A', turnSec })).toMatchObject({ code: 'invalid', path: 'turnSec' });
    }
    expect(validateCommand({ type: 'booth.turn.length', booth: 'Booth A', turnSec: 7200 }).ok).toBe(true);
  });
});

describe('booth.turn.rename (issue #13: renaming a booth restarted its handover timer)', () => {
  it('the new name takes the running turn, its start and length; the old name keeps it too', () => {
    const s1 = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A', turnSec: 1200 }, t);
    wait(7 * MINUTE);
    const s2 = send(s1, { type: 'booth.turn.rename', from: 'Booth A', to: 'English booth' }, t);
    expect(s2.booth.turns).toEqual({
      'Booth A': { turnSec: 1200, startedAt: T0 },
      'English booth': { turnSec: 1200, startedAt: T0 },
    });
    expect(s2.revision).toBe(s1.revision + 1);
  });

  it('a name with a turn of its own running keeps it', () => {
    let s = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A' }, t);
    wait(3 * MINUTE);
    s = send(s, { type: 'booth.turn.start', booth: 'Booth B', turnSec: 900 }, t);
    expect(send(s, { type: 'booth.turn.rename', from: 'Booth A', to: 'Booth B' }, t)).toBe(s);
  });

  it('renaming a booth that has no turn, or to the same name, changes nothing', () => {
    const s = send(fresh(), { type: 'booth.turn.start', booth: 'Booth A' }, t);
    expect(send(s, { type: 'booth.turn.rename', from: 'Booth Z', to: 'Booth B' }, t)).toBe(s);
    expect(send(s, { type: 'booth.turn.rename', from: 'Booth A', to: 'Booth A' }, t)).toBe(s);
  });

  it('refuses an empty name, naming the field', () => {
    expect(invalid({ type: 'booth.turn.rename', from: 'Booth A', to: '  ' })).toMatchObject({ code: 'invalid', path: 'to' });
  });
});

describe('booth.notes', () => {
  it('changes the booth notes of one item and nothing else', () => {
    const s0 = fresh();
    const s1 = send(s0, { type: 'booth.notes', itemId: 'b', boothNotes: 'Reads fast; script on USB' }, t);
    expect(s1.revision).toBe(1);
    expect(itemOf(s1, 'b')).toEqual({ ...itemOf(s0, 'b'), boothNotes: 'Reads fast; script on USB' });
    expect(itemOf(s1, 'a')).toBe(itemOf(s0, 'a'));
    expect(s1.agenda.sessions[1]).toBe(s0.agenda.sessions[1]);
    expect(s1.agenda.glossary).toBe(s0.agenda.glossary);
    expect(s1.clock).toBe(s0.clock);
    expect(s1.report).toBe(s0.report);
  });

  it('changes the script flag on its own, keeping the notes', () => {
    const s1 = send(fresh(), { type: 'booth.notes', itemId: 'd', boothNotes: 'Numbers heavy' }, t);
    const s2 = send(s1, { type: 'booth.notes', itemId: 'd', scriptReceived: true }, t);
    expect(itemOf(s2, 'd')).toEqual({ ...itemOf(s1, 'd'), scriptReceived: true, boothNotes: 'Numbers heavy' });
    expect(itemOf(s2, 'd')?.durationSec).toBe(900);
  });

  it('is a no-op when nothing changes: same object, no revision bump', () => {
    const s1 = send(fresh(), { type: 'booth.notes', itemId: 'a', boothNotes: 'x', scriptReceived: true }, t);
    expect(send(s1, { type: 'booth.notes', itemId: 'a', boothNotes: 'x', scriptReceived: true }, t)).toBe(s1);
  });

  it('refuses an unknown item, naming itemId', () => {
    expect(refused(fresh(), { type: 'booth.notes', itemId: 'zz', boothNotes: 'hello' }, t)).toMatchObject({
      code: 'unknown-item',
      path: 'itemId',
    });
  });

  it('needs boothNotes or scriptReceived, and refuses any other item field', () => {
    expect(invalid({ type: 'booth.notes', itemId: 'a' })).toMatchObject({ code: 'invalid', path: 'boothNotes' });
    expect(invalid({ type: 'booth.notes', itemId: 'a', durationSec: 60 })).toMatchObject({ code: 'invalid', path: 'durationSec' });
  });
});

describe('glossary.replace', () => {
  it('replaces the glossary and leaves the sessions alone', () => {
    const s0 = fresh();
    const glossary = [{ term: 'JETP', expansions: { en: 'Just Energy Transition Partnership', zh: '公正能源转型伙伴关系' } }];
    const s1 = send(s0, { type: 'glossary.replace', glossary }, t);
    expect(s1.revision).toBe(1);
    expect(s1.agenda.glossary).toEqual(glossary);
    expect(s1.agenda.sessions).toBe(s0.agenda.sessions);
    expect(s1.agenda.title).toBe(s0.agenda.title);
    const s2 = send(s1, { type: 'glossary.replace', glossary: [] }, t);
    expect(s2.agenda.glossary).toEqual([]);
  });

  it('refuses an entry without a term, naming its path', () => {
    expect(invalid({ type: 'glossary.replace', glossary: [{ term: '', expansions: {} }] })).toMatchObject({
      code: 'invalid',
      path: 'glossary.0.term',
    });
  });
});

describe('settings.update', () => {
  it('lets booths edit notes, and back; the same value is a no-op', () => {
    const s0 = fresh();
    expect(s0.booth.mayEditNotes).toBe(false);
    expect(send(s0, { type: 'settings.update', boothMayEditNotes: false }, t)).toBe(s0);
    const s1 = send(s0, { type: 'settings.update', boothMayEditNotes: true }, t);
    expect(s1.revision).toBe(1);
    expect(s1.booth).toEqual({ requests: [], turns: {}, mayEditNotes: true });
    expect(s1.booth.requests).toBe(s0.booth.requests);
    const s2 = send(s1, { type: 'settings.update', boothMayEditNotes: false }, t);
    expect(s2.booth.mayEditNotes).toBe(false);
    expect(s2.revision).toBe(2);
  });

  it('sets whether sessions are pulled forward (on unless set off), leaving the booth setting alone', () => {
    const s0 = fresh();
    expect(s0.agenda.sessionsPullForward).toBeUndefined();
    expect(send(s0, { type: 'settings.update', sessionsPullForward: true }, t)).toBe(s0);
    const s1 = send(s0, { type: 'settings.update', sessionsPullForward: false }, t);
    expect(s1.agenda).toEqual({ ...s0.agenda, sessionsPullForward: false });
    expect(s1.booth).toBe(s0.booth);
    expect(s1.clock).toBe(s0.clock);
    const s2 = send(s1, { type: 'settings.update', sessionsPullForward: true, boothMayEditNotes: true }, t);
    expect(s2.agenda.sessionsPullForward).toBe(true);
    expect(s2.booth.mayEditNotes).toBe(true);
  });

  it('refuses an update that sets nothing, naming the field', () => {
    const v = validateCommand({ type: 'settings.update' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatchObject({ code: 'invalid', path: 'boothMayEditNotes' });
    expect(validateCommand({ type: 'settings.update', sessionsPullForward: 'yes' }).ok).toBe(false);
  });
});

describe('display.blank', () => {
  it('blanks the speaker monitors and unblanks them', () => {
    const s0 = fresh();
    const s1 = send(s0, { type: 'display.blank', blank: true }, t);
    expect(s1.revision).toBe(1);
    expect(s1.display.speakerBlank).toBe(true);
    expect(s1.messages).toBe(s0.messages);
    expect(s1.clock).toBe(s0.clock);
    const s2 = send(s1, { type: 'display.blank', blank: false }, t);
    expect(s2.display.speakerBlank).toBe(false);
    expect(s2.revision).toBe(2);
  });

  it('is a no-op when unchanged: same object, no revision bump', () => {
    const s0 = fresh();
    expect(send(s0, { type: 'display.blank', blank: false }, t)).toBe(s0);
    const s1 = send(s0, { type: 'display.blank', blank: true }, t);
    expect(send(s1, { type: 'display.blank', blank: true }, t)).toBe(s1);
  });
});

describe('message.speaker with a preset', () => {
  it('keeps the preset id with the fallback text', () => {
    wait(MINUTE);
    const input: CommandInput = { type: 'message.speaker', text: 'Please wrap up', preset: 'wrap-up', flash: true };
    const s = send(fresh(), input, t);
    expect(s.messages.speaker).toEqual({ text: 'Please wrap up', flash: true, preset: 'wrap-up', sentAt: later(T0, MINUTE), keepAcrossItems: false });
  });

  it('a free message after a preset carries no preset', () => {
    let s = send(fresh(), { type: 'message.speaker', text: 'One minute', preset: 'one-minute' }, t);
    s = send(s, { type: 'message.speaker', text: 'Questions after the break' }, t);
    expect(s.messages.speaker).toEqual({ text: 'Questions after the break', flash: false, preset: null, sentAt: T0, keepAcrossItems: false });
  });

  it('refuses an unknown preset, naming preset', () => {
    expect(invalid({ type: 'message.speaker', text: 'Hurry', preset: 'hurry' })).toMatchObject({ code: 'invalid', path: 'preset' });
  });
});
