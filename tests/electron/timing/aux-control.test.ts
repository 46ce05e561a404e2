import { describe, expect, it } from 'vitest';
import { parseTrigger } from '../../../electron/http/trigger-routes';
import { oscToAction } from '../../../electron/osc/osc-map';
import { commandFor } from '../../../shared/control/command-for';
import { fresh } from '../engine/engine-builders';

/** The extra timers from HTTP triggers and OSC: the same intent, the same command. */
describe('extra timers from controllers', () => {
  it.each(['start', 'pause', 'reset'] as const)('aux/%s/2 and /rostrum/aux/%s 2 both send aux.%s for timer 2', (verb) => {
    const http = parseTrigger(`aux/${verb}/2`, new URLSearchParams());
    const osc = oscToAction(`/rostrum/aux/${verb}`, [{ value: 2 }]);
    expect(http).toEqual({ ok: true, action: { kind: 'aux', verb, timerId: 2 } });
    expect(osc).toEqual(http);
    expect(commandFor({ kind: 'aux', verb, timerId: 2 }, fresh())).toEqual({ ok: true, command: { type: `aux.${verb}`, timerId: 2 } });
  });

  it('names what is wrong with a bad timer id or argument', () => {
    expect(parseTrigger('aux/start/3', new URLSearchParams())).toEqual({ ok: false, message: 'timerId: "3" is not 1 or 2' });
    expect(parseTrigger('aux/launch/1', new URLSearchParams())).toBeNull();
    expect(oscToAction('/rostrum/aux/start', [])).toEqual({ ok: false, kind: 'bad-arguments', message: '/rostrum/aux/start: needs the timer id (int 1 or 2)' });
    expect(oscToAction('/rostrum/aux/pause', ['1'])).toMatchObject({ ok: false, kind: 'bad-arguments' });
  });
});
