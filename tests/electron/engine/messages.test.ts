import { beforeEach, describe, expect, it } from 'vitest';
import { validateCommand } from '../../../shared/contract/validate';
import { MINUTE, SECOND, T0, later } from '../../builders';
import type { RostrumState } from '../../../shared/contract/state';
import type { Instant } from '../../../shared/time/instant';
import { fresh, send, view } from './engine-builders';

let t: Instant;
const wait = (ms: number) => {
  t = later(t, ms);
};

beforeEach(() => {
  t = T0;
});

function running(): RostrumState {
  const s = send(fresh(), { type: 'start' }, T0);
  wait(2 * MINUTE);
  return s;
}

describe('message.speaker', () => {
  it('puts a message on the speaker display, stamped with now, leaving everything else alone', () => {
    const s0 = running();
    const s1 = send(s0, { type: 'message.speaker', text: 'Please wrap up', flash: true }, t);
    expect(s1.revision).toBe(s0.revision + 1);
    expect(s1.messages).toEqual({ speaker: { text: 'Please wrap up', flash: true, preset: null, sentAt: t, keepAcrossItems: false }, booth: null });
    expect(s1.clock).toBe(s0.clock);
    expect(s1.agenda).toBe(s0.agenda);
    expect(s1.report).toBe(s0.report);
    expect(view(s1, t).elapsedMs).toBe(2 * MINUTE);
  });

  it('flash defaults to false and the text is trimmed', () => {
    const s = send(fresh(), { type: 'message.speaker', text: '  One minute left \n' }, t);
    expect(s.messages.speaker).toEqual({ text: 'One minute left', flash: false, preset: null, sentAt: T0, keepAcrossItems: false });
  });

  it('a new message replaces the previous one; sending it again re-stamps it', () => {
    let s = send(fresh(), { type: 'message.speaker', text: 'Slow down', flash: false }, t);
    wait(30 * SECOND);
    s = send(s, { type: 'message.speaker', text: 'Slow down', flash: true }, t);
    expect(s.revision).toBe(2);
    expect(s.messages.speaker).toEqual({ text: 'Slow down', flash: true, preset: null, sentAt: later(T0, 30 * SECOND), keepAcrossItems: false });
  });

  it('keeps Chinese text as sent', () => {
    const s = send(fresh(), { type: 'message.speaker', text: '请在一分钟内结束', flash: false }, t);
    expect(s.messages.speaker?.text).toBe('请在一分钟内结束');
  });
});

describe('message.booth', () => {
  it('puts a message in the booth without touching the speaker message', () => {
    let s = send(fresh(), { type: 'message.speaker', text: 'Wrap up', flash: false }, t);
    const speaker = s.messages.speaker;
    wait(SECOND);
    s = send(s, { type: 'message.booth', text: 'Next speaker reads from script' }, t);
    expect(s.messages).toEqual({ speaker, booth: { text: 'Next speaker reads from script', sentAt: later(T0, SECOND) } });
  });
});

describe('message.clear', () => {
  it('clears only the named display', () => {
    let s = send(fresh(), { type: 'message.speaker', text: 'Wrap up', flash: true }, t);
    s = send(s, { type: 'message.booth', text: 'Switch to ch. 2' }, t);
    const rev = s.revision;
    s = send(s, { type: 'message.clear', target: 'speaker' }, t);
    expect(s.revision).toBe(rev + 1);
    expect(s.messages).toEqual({ speaker: null, booth: { text: 'Switch to ch. 2', sentAt: T0 } });
    s = send(s, { type: 'message.clear', target: 'booth' }, t);
    expect(s.messages).toEqual({ speaker: null, booth: null });
  });

  it('is a no-op when there is nothing to clear', () => {
    const s0 = fresh();
    expect(send(s0, { type: 'message.clear', target: 'speaker' }, t)).toBe(s0);
    const s1 = send(s0, { type: 'message.booth', text: 'x' }, t);
    expect(send(s1, { type: 'message.clear', target: 'speaker' }, t)).toBe(s1);
  });
});

describe('a speaker message belongs to the item it was sent during', () => {
  const wrapUp = { type: 'message.speaker', text: 'Please wrap up', flash: true } as const;

  it.each([
    ['next', { type: 'next' }],
    ['previous', { type: 'previous' }],
    ['goto', { type: 'goto', itemId: 'd' }],
    ['skip of the current item', { type: 'skip', itemId: 'b', skipped: true }],
  ] as const)('clears on %s, leaving the booth message', (_name, move) => {
    let s = send(running(), { type: 'next' }, t);
    expect(s.clock.currentItemId).toBe('b');
    s = send(s, wrapUp, t);
    s = send(s, { type: 'message.booth', text: 'Script for the next one' }, t);
    wait(SECOND);
    s = send(s, move, t);
    expect(s.clock.currentItemId).not.toBe('b');
    expect(s.messages.speaker).toBeNull();
    expect(s.messages.booth?.text).toBe('Script for the next one');
  });

  it('clears when the event ends with the last next', () => {
    let s = send(running(), { type: 'goto', itemId: 'e' }, t);
    s = send(s, wrapUp, t);
    s = send(s, { type: 'next' }, t);
    expect(s.clock.status).toBe('ended');
    expect(s.messages.speaker).toBeNull();
  });

  it('a relayed booth request (a preset) clears the same way', () => {
    let s = send(running(), { type: 'message.speaker', text: 'Please slow down', preset: 'slow-down', flash: true }, t);
    s = send(s, { type: 'next' }, t);
    expect(s.messages.speaker).toBeNull();
  });

  it('stays when pinned ("keep across speakers")', () => {
    let s = send(running(), { ...wrapUp, text: 'Q&A after the last speaker', keepAcrossItems: true }, t);
    s = send(s, { type: 'next' }, t);
    s = send(s, { type: 'goto', itemId: 'd' }, t);
    expect(s.messages.speaker).toMatchObject({ text: 'Q&A after the last speaker', keepAcrossItems: true });
  });

  it('stays on everything that keeps the same item: pause, adjust, reset, skipping another item', () => {
    let s = send(running(), wrapUp, t);
    s = send(s, { type: 'pause' }, t);
    s = send(s, { type: 'adjust', seconds: 30 }, t);
    s = send(s, { type: 'skip', itemId: 'd', skipped: true }, t);
    s = send(s, { type: 'reset' }, t);
    s = send(s, { type: 'goto', itemId: 'a' }, t);
    expect(s.messages.speaker?.text).toBe('Please wrap up');
  });
});

describe('message validation', () => {
  it.each([
    [{ type: 'message.speaker', text: 'ok', keepAcrossItems: 'yes' }, 'keepAcrossItems'],
    [{ type: 'message.speaker', text: '' }, 'text'],
    [{ type: 'message.speaker', text: '   ' }, 'text'],
    [{ type: 'message.speaker', text: 'x'.repeat(501) }, 'text'],
    [{ type: 'message.speaker', text: 'ok', flash: 'yes' }, 'flash'],
    [{ type: 'message.booth', text: 'ok', flash: true }, 'flash'],
    [{ type: 'message.clear', target: 'moderator' }, 'target'],
  ])('refuses %j naming %s', (input, path) => {
    const v = validateCommand(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.error).toMatchObject({ code: 'invalid', path });
  });

  it('accepts a message of exactly 500 characters', () => {
    expect(validateCommand({ type: 'message.booth', text: 'x'.repeat(500) }).ok).toBe(true);
  });
});
