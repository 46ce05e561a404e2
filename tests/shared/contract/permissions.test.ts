import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandInput, type CommandType } from '../../../shared/contract/commands';
import { permissionRefusal } from '../../../shared/contract/permissions';
import type { RostrumState } from '../../../shared/contract/state';
import { T0 } from '../../builders';
import { cmd, fiveItems, fresh, send } from '../../electron/engine/engine-builders';

/** One valid command of every type. A `Record` over all types: a new command must be added here. */
const EXAMPLES: Record<CommandType, CommandInput> = {
  start: { type: 'start' },
  resume: { type: 'resume' },
  pause: { type: 'pause' },
  next: { type: 'next' },
  previous: { type: 'previous' },
  goto: { type: 'goto', itemId: 'b' },
  adjust: { type: 'adjust', seconds: 60 },
  reset: { type: 'reset' },
  skip: { type: 'skip', itemId: 'b', skipped: true },
  'message.speaker': { type: 'message.speaker', text: 'Please wrap up', preset: 'wrap-up' },
  'message.booth': { type: 'message.booth', text: 'Next speaker in Chinese' },
  'message.clear': { type: 'message.clear', target: 'speaker' },
  'agenda.replace': { type: 'agenda.replace', agenda: fiveItems() },
  'item.update': { type: 'item.update', itemId: 'b', patch: { title: 'B' } },
  'item.insert': { type: 'item.insert', sessionId: 'morning', item: { id: 'new', title: 'New', kind: 'talk', language: 'en' } },
  'item.remove': { type: 'item.remove', itemId: 'b' },
  'item.move': { type: 'item.move', itemId: 'b', sessionId: 'afternoon' },
  'display.blank': { type: 'display.blank', blank: true },
  'booth.request': { type: 'booth.request', booth: 'Booth A', kind: 'slow-down' },
  'booth.ack': { type: 'booth.ack', requestId: 'req-1' },
  'booth.turn.start': { type: 'booth.turn.start', booth: 'Booth A' },
  'booth.turn.reset': { type: 'booth.turn.reset', booth: 'Booth A' },
  'booth.turn.length': { type: 'booth.turn.length', booth: 'Booth A', turnSec: 900 },
  'booth.turn.rename': { type: 'booth.turn.rename', from: 'Booth A', to: 'Booth B' },
  'booth.notes': { type: 'booth.notes', itemId: 'b', boothNotes: 'Reads fast' },
  'glossary.replace': { type: 'glossary.replace', glossary: [{ term: 'JETP', expansions: { en: 'Just Energy Transition Partnership' } }] },
  'settings.update': { type: 'settings.update', boothMayEditNotes: true },
  'recovery.apply': { type: 'recovery.apply' },
  'recovery.undo': { type: 'recovery.undo' },
  'display.rename': { type: 'display.rename', displayId: 'd1', name: 'Foyer left' },
  'display.redirect': { type: 'display.redirect', displayId: 'd1', view: 'audience', params: { lang: 'en+zh' } },
  'display.identify': { type: 'display.identify', displayId: 'd1' },
  'display.reload': { type: 'display.reload', displayId: 'd1' },
  'lowerThird.show': { type: 'lowerThird.show' },
  'lowerThird.hide': { type: 'lowerThird.hide' },
  'session.hold': { type: 'session.hold', sessionId: 'morning' },
  'session.update': { type: 'session.update', sessionId: 'morning', patch: { endAt: '16:30' } },
  'auto.start': { type: 'auto.start', sessionId: 'morning' },
  'auto.advance': { type: 'auto.advance', itemId: 'a' },
  'aux.set': { type: 'aux.set', timerId: 1, durationSec: 600, direction: 'down' },
  'aux.start': { type: 'aux.start', timerId: 1 },
  'aux.pause': { type: 'aux.pause', timerId: 2 },
  'aux.reset': { type: 'aux.reset', timerId: 2 },
};

/** Only the server's scheduler (principal `automatic`) runs these: no token's role may. */
const AUTOMATIC_ONLY: CommandType[] = ['auto.start', 'auto.advance'];
const CLIENT_TYPES = COMMAND_TYPES.filter((t) => !AUTOMATIC_ONLY.includes(t));

const locked = fresh();
const unlocked: RostrumState = send(locked, { type: 'settings.update', boothMayEditNotes: true }, T0);
const refusal = (type: CommandType, role: 'control' | 'booth' | 'view', state: RostrumState = locked) =>
  permissionRefusal(cmd(EXAMPLES[type]), role, state);

const BOOTH_ALWAYS: CommandType[] = ['booth.request', 'booth.turn.start', 'booth.turn.reset', 'booth.turn.length', 'booth.turn.rename'];
const BOOTH_EDITS: CommandType[] = ['booth.notes', 'glossary.replace'];

describe('the booth role', () => {
  it.each(BOOTH_ALWAYS)('may send %s', (type) => {
    expect(refusal(type, 'booth')).toBeNull();
    expect(refusal(type, 'booth', unlocked)).toBeNull();
  });

  it.each(['start', 'display.blank', 'booth.ack', 'settings.update'] as const)('may not send %s: forbidden, path type', (type) => {
    expect(refusal(type, 'booth')).toEqual({ code: 'forbidden', message: `the booth role may not send "${type}"`, path: 'type' });
    // Being allowed to edit notes changes nothing for these.
    expect(refusal(type, 'booth', unlocked)).toMatchObject({ code: 'forbidden', path: 'type' });
  });

  it('may send only the booth commands', () => {
    const allowed = COMMAND_TYPES.filter((type) => refusal(type, 'booth', unlocked) === null);
    expect(allowed.sort()).toEqual([...BOOTH_ALWAYS, ...BOOTH_EDITS].sort());
  });

  it.each(BOOTH_EDITS)('%s is refused with edits-not-allowed until the moderator allows edits, then allowed', (type) => {
    expect(locked.booth.mayEditNotes).toBe(false);
    expect(refusal(type, 'booth', locked)).toMatchObject({ code: 'edits-not-allowed', path: 'type' });
    expect(unlocked.booth.mayEditNotes).toBe(true);
    expect(refusal(type, 'booth', unlocked)).toBeNull();
    const relocked = send(unlocked, { type: 'settings.update', boothMayEditNotes: false }, T0);
    expect(refusal(type, 'booth', relocked)).toMatchObject({ code: 'edits-not-allowed', path: 'type' });
  });
});

describe('the view role', () => {
  it.each(COMMAND_TYPES)('may not send %s', (type) => {
    expect(refusal(type, 'view')).toMatchObject({ code: 'forbidden', path: 'type' });
    expect(refusal(type, 'view', unlocked)).toMatchObject({ code: 'forbidden', path: 'type' });
  });
});

describe('the control role', () => {
  it.each(CLIENT_TYPES)('may send %s, whatever the booth setting', (type) => {
    expect(refusal(type, 'control', locked)).toBeNull();
    expect(refusal(type, 'control', unlocked)).toBeNull();
  });

  it.each(AUTOMATIC_ONLY)('may not send %s: only the scheduler does', (type) => {
    expect(refusal(type, 'control')).toMatchObject({ code: 'forbidden', path: 'type' });
  });

  it('covers every command type', () => {
    expect(COMMAND_TYPES).toHaveLength(43);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...COMMAND_TYPES].sort());
  });
});
