import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { oscRoom, oscToAction } from '../../../electron/osc/osc-map';
import { OSC_ADDRESSES } from '../../../shared/contract/osc-addresses';
import { roomIdProblem } from '../../../shared/contract/rooms';
import { RateLimitedLog } from '../../../electron/osc/rate-limited-log';
import { remainingSeconds } from '../../../electron/server/control-actions';
import { commandFor as commandForAction } from '../../../shared/control/command-for';
import { initialState } from '../../../electron/engine/initial-state';
import { loadSample } from '../../builders';

const v = (value: unknown) => ({ value });

describe('OSC address → control action', () => {
  it('maps the transport addresses, with an optional expected item id', () => {
    for (const kind of ['start', 'pause', 'toggle', 'next', 'previous'] as const) {
      expect(oscToAction(`/rostrum/${kind}`, [])).toEqual({ ok: true, action: { kind } });
    }
    expect(oscToAction('/rostrum/next', [v('open-cao')])).toEqual({ ok: true, action: { kind: 'next', expected: 'open-cao' } });
    expect(oscToAction('/rostrum/next', [v(3)])).toMatchObject({ ok: false, kind: 'bad-arguments' });
  });

  it('goes to an item id (string) or a 1-based index (int, or digits in a string)', () => {
    expect(oscToAction('/rostrum/goto', [v('s1-yoon')])).toEqual({ ok: true, action: { kind: 'goto', itemId: 's1-yoon' } });
    expect(oscToAction('/rostrum/goto', [v(4)])).toEqual({ ok: true, action: { kind: 'goto-index', index: 4 } });
    expect(oscToAction('/rostrum/goto', [v('4')])).toEqual({ ok: true, action: { kind: 'goto-index', index: 4 } });
    for (const args of [[], [v(0)], [v(2.5)], [v('')], [v(null)]]) {
      expect(oscToAction('/rostrum/goto', args)).toMatchObject({ ok: false, kind: 'bad-arguments' });
    }
  });

  it('adjusts by int or float seconds, rounded to whole seconds, never zero', () => {
    expect(oscToAction('/rostrum/adjust', [v(-30)])).toEqual({ ok: true, action: { kind: 'adjust', seconds: -30 } });
    expect(oscToAction('/rostrum/adjust', [v(59.6)])).toEqual({ ok: true, action: { kind: 'adjust', seconds: 60 } });
    for (const args of [[], [v('60')], [v(0.2)], [v(Number.NaN)], [v(Infinity)]]) {
      expect(oscToAction('/rostrum/adjust', args)).toMatchObject({ ok: false, kind: 'bad-arguments' });
    }
  });

  it('sends and clears a speaker message', () => {
    expect(oscToAction('/rostrum/message/speaker', [v('Wrap up')])).toEqual({
      ok: true,
      action: { kind: 'message.speaker', text: 'Wrap up', flash: false },
    });
    expect(oscToAction('/rostrum/message/speaker', ['Wrap up', 1])).toMatchObject({ action: { flash: true } });
    expect(oscToAction('/rostrum/message/speaker', [v(5)])).toMatchObject({ ok: false });
    expect(oscToAction('/rostrum/message/clear', [])).toEqual({ ok: true, action: { kind: 'message.clear' } });
  });

  it('maps the lower third show and hide (#19)', () => {
    expect(oscToAction('/rostrum/lower-third/show', [])).toEqual({ ok: true, action: { kind: 'lower-third.show' } });
    expect(oscToAction('/rostrum/lower-third/hide', [])).toEqual({ ok: true, action: { kind: 'lower-third.hide' } });
    expect(oscToAction('/rostrum/lower-third/show', [v(1)])).toMatchObject({ ok: false, kind: 'bad-arguments' });
  });

  it('refuses unknown addresses', () => {
    for (const address of ['/rostrum', '/rostrum/', '/rostrum/strat', '/other/start', '', '/rostrum/start/']) {
      expect(oscToAction(address, [])).toMatchObject({ ok: false, kind: 'unknown-address' });
    }
  });
});

describe('control action → command', () => {
  const state = initialState(loadSample(), 1);

  it('toggles to start when not running and to pause when running', () => {
    expect(commandForAction({ kind: 'toggle' }, state)).toEqual({ ok: true, command: { type: 'start' } });
    const running = { ...state, clock: { ...state.clock, status: 'running' as const } };
    expect(commandForAction({ kind: 'toggle', expected: 'x' }, running)).toEqual({
      ok: true,
      command: { type: 'pause', expectedItemId: 'x' },
    });
  });

  it('turns a 1-based index into the item id over the whole agenda', () => {
    expect(commandForAction({ kind: 'goto-index', index: 1 }, state)).toEqual({ ok: true, command: { type: 'goto', itemId: 'open-local-gov' } });
    expect(commandForAction({ kind: 'goto-index', index: 5 }, state)).toEqual({ ok: true, command: { type: 'goto', itemId: 's1-martinez' } });
    expect(commandForAction({ kind: 'goto-index', index: 15 }, state)).toMatchObject({ ok: false, error: { code: 'unknown-item' } });
  });

  it('counts remaining seconds as the monitors do', () => {
    expect(remainingSeconds(59_001)).toBe(60);
    expect(remainingSeconds(0)).toBe(0);
    expect(remainingSeconds(-1_500)).toBe(-1);
    expect(remainingSeconds(null)).toBe(0);
  });
});

describe('rate-limited problem log', () => {
  it('logs the first of each kind, then one line per interval with the count left out', () => {
    let t = 0;
    const lines: string[] = [];
    const log = new RateLimitedLog((l) => lines.push(l), () => t, 10_000);
    for (let i = 0; i < 1000; i++) log.log('malformed packet', `#${i}`);
    log.log('unknown-address', 'x');
    expect(lines).toEqual(['OSC: malformed packet: #0', 'OSC: unknown-address: x']);
    t = 10_000;
    log.log('malformed packet', 'late');
    expect(lines.at(-1)).toBe('OSC: malformed packet: late (999 more like it not shown)');
  });
});

describe('the one list of OSC addresses (shared/contract/osc-addresses.ts)', () => {
  const source = readFileSync(fileURLToPath(new URL('../../../electron/osc/osc-map.ts', import.meta.url)), 'utf8');
  const cases = [...source.matchAll(/case '(\/rostrum\/[^']+)'/g)].map((m) => m[1]);

  it('names every address the map handles, and the map handles every address it names', () => {
    expect([...cases].sort()).toEqual([...OSC_ADDRESSES].sort());
    for (const address of OSC_ADDRESSES) expect(oscToAction(address, []), address).not.toMatchObject({ kind: 'unknown-address' });
  });

  it('keeps every first word of an address from being a room id, so /rostrum/aux/start never addresses a room "aux"', () => {
    for (const word of ['start', 'message', 'aux', 'lower-third', 'state']) expect(roomIdProblem(word), word).toMatch(/word of the OSC addresses/);
    expect(oscRoom('/rostrum/aux/start')).toEqual({ room: null, address: '/rostrum/aux/start' });
    expect(oscRoom('/rostrum/lower-third/hide')).toEqual({ room: null, address: '/rostrum/lower-third/hide' });
    expect(oscRoom('/rostrum/breakout-a/next')).toEqual({ room: 'breakout-a', address: '/rostrum/next' });
  });
});
