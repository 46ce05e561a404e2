import { describe, expect, it } from 'vitest';
import { parseTrigger } from '../../../electron/http/trigger-routes';
import { oscRoom, oscToAction } from '../../../electron/osc/osc-map';
import { roomIdProblem } from '../../../shared/contract/rooms';
import { commandFor } from '../../../shared/control/command-for';
import { at, makeAgenda, makeItem, makeSession } from '../../builders';
import { fresh, send } from '../engine/engine-builders';

/** Two sessions that start by themselves, at 14:00 and 16:00, seen at 13:00. */
const waiting = () =>
  send(
    fresh(
      makeAgenda({
        sessions: [
          makeSession({ id: 'am', plannedStart: '14:00', plannedEnd: '15:00', autoStart: true, items: [makeItem({ id: 'a', durationSec: 600 })] }),
          makeSession({ id: 'pm', plannedStart: '16:00', plannedEnd: '17:00', autoStart: true, items: [makeItem({ id: 'b', durationSec: 600 })] }),
        ],
      }),
    ),
    { type: 'message.booth', text: 'hello' },
    at('13:00'),
  );

/** Hold and release of the automatic start from HTTP triggers and OSC: the same intent, the same command. */
describe('hold and release from controllers', () => {
  it('hold and /rostrum/hold hold the session waiting to start by itself; release lets it start again', () => {
    const s = waiting();
    const http = parseTrigger('hold', new URLSearchParams());
    expect(http).toEqual({ ok: true, action: { kind: 'hold' } });
    expect(oscToAction('/rostrum/hold', [])).toEqual(http);
    expect(commandFor({ kind: 'hold' }, s)).toEqual({ ok: true, command: { type: 'session.hold', sessionId: 'am', held: true } });
    const held = send(s, { type: 'session.hold', sessionId: 'am' }, at('13:01'));
    // Held: the next one waiting is the afternoon; release lets the morning start by itself again.
    expect(commandFor({ kind: 'hold' }, held)).toEqual({ ok: true, command: { type: 'session.hold', sessionId: 'pm', held: true } });
    expect(parseTrigger('release', new URLSearchParams())).toEqual({ ok: true, action: { kind: 'release' } });
    expect(commandFor({ kind: 'release' }, held)).toEqual({ ok: true, command: { type: 'session.hold', sessionId: 'am', held: false } });
  });

  it('names a session: hold/pm, release/pm, /rostrum/hold s pm', () => {
    expect(parseTrigger('hold/pm', new URLSearchParams())).toEqual({ ok: true, action: { kind: 'hold', sessionId: 'pm' } });
    expect(oscToAction('/rostrum/release', [{ value: 'pm' }])).toEqual({ ok: true, action: { kind: 'release', sessionId: 'pm' } });
    expect(commandFor({ kind: 'release', sessionId: 'pm' }, waiting())).toEqual({ ok: true, command: { type: 'session.hold', sessionId: 'pm', held: false } });
  });

  it('refuses with the reason when nothing waits or nothing is held, and names a bad OSC argument', () => {
    const none = send(waiting(), { type: 'start' }, at('13:30'));
    const running = send(none, { type: 'session.hold', sessionId: 'pm' }, at('13:31'));
    expect(commandFor({ kind: 'hold' }, running)).toMatchObject({ ok: false, error: { code: 'nothing-to-hold', message: 'no session is waiting to start by itself' } });
    expect(commandFor({ kind: 'release' }, none)).toMatchObject({ ok: false, error: { code: 'nothing-to-hold', message: 'no session has its automatic start held' } });
    expect(oscToAction('/rostrum/hold', [1])).toEqual({ ok: false, kind: 'bad-arguments', message: '/rostrum/hold: takes no argument or the session id (string)' });
  });

  it('keeps /rostrum/hold, /rostrum/release, /rostrum/aux/… and /rostrum/lower-third/… for main: no room may take these words', () => {
    for (const address of ['/rostrum/hold', '/rostrum/release', '/rostrum/aux/start', '/rostrum/lower-third/show']) expect(oscRoom(address)).toEqual({ room: null, address });
    for (const id of ['hold', 'release', 'aux', 'lower-third']) expect(roomIdProblem(id)).toMatch(/OSC/);
  });
});
