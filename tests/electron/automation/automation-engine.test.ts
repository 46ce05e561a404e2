import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAutomationEngine, type AutomationEngine } from '../../../electron/automation/automation-engine';
import { FiredRecord } from '../../../electron/automation/fired-record';
import { initialState } from '../../../electron/engine/initial-state';
import type { StateStore } from '../../../electron/persistence/state-store';
import { RostrumCore } from '../../../electron/server/core';
import type { AutomationRule } from '../../../shared/contract/automation';
import type { RostrumState } from '../../../shared/contract/state';
import { instant } from '../../../shared/time/instant';
import { T0, makeAgenda, makeItem, makeSession } from '../../builders';

const memoryStore = (): StateStore => ({ path: '/memory/state.json', load: () => undefined, save: (_s: RostrumState) => undefined });
const agenda = makeAgenda({ sessions: [makeSession({ items: [makeItem({ id: 'a', durationSec: 300, warningSec: 60, dangerSec: 10 }), makeItem({ id: 'b', durationSec: 300 })] })] });
const say = (id: string, when: AutomationRule['when'], text: string, extra: Partial<AutomationRule> = {}): AutomationRule => ({ id, enabled: true, when, then: { type: 'message', text }, ...extra });

/**
 * The engine on a real core with a hand-cranked clock: time-driven rules fire at the crossing
 * instant of the anchored clock, from one armed timer, exactly once per run.
 */
describe('automation engine: time-driven triggers', () => {
  let core: RostrumCore;
  let engine: AutomationEngine;
  let record: FiredRecord;
  let rules: AutomationRule[];
  let shown: string[];
  /** The instant of a firing, as its `{{firedAt}}` says: the clock's reading when the rule fired. */
  const at = (ms: number) => new Date(T0 + ms).toISOString();

  /** Lets the queued actions run (a few turns of the event loop). */
  const settle = async () => {
    for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
  };
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await settle();
  };
  const run = (type: string) => expect(core.execute({ type }, 'control').ok).toBe(true);

  beforeEach(() => {
    // The clock and its timers are faked together; setImmediate stays real (the engine queues actions on it).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0);
    shown = [];
    core = new RostrumCore(initialState(agenda, 1), memoryStore(), { now: () => instant(Date.now()) });
    core.onPatch((_p, s) => {
      if (s.messages.speaker && shown.at(-1) !== s.messages.speaker.text) shown.push(s.messages.speaker.text);
    });
    record = new FiredRecord(mkdtempSync(join(tmpdir(), 'rostrum-auto-')), () => {});
    rules = [say('w', 'item.warning', 'W {{item.remainingSec}} {{firedAt}}'), say('o', 'item.overtime', 'O {{item.overtimeSec}} {{firedAt}}', { overtimeSec: 5 })];
    engine = startAutomationEngine({ core, rules: () => rules, lan: () => false, allow: () => [], record, log: () => {} });
    engine.start();
  });
  afterEach(() => {
    engine.close();
    vi.useRealTimers();
  });

  it('fires the warning at the crossing instant, and overtime after a pause at the instant the pause moved it to', async () => {
    run('start');
    // One timer armed (the warning), nothing ticking per frame.
    expect(vi.getTimerCount()).toBe(1);
    await advance(239_999);
    expect(shown).toEqual([]);
    await advance(1);
    expect(shown).toEqual([`W 60 ${at(240_000)}`]);

    await advance(10_000);
    run('pause'); // 50 s left
    expect(vi.getTimerCount()).toBe(0);
    await advance(50_000);
    run('resume'); // time up at +350 s, 5 s over at +355 s
    // Far past it in one go: the timer still fires at the crossing's millisecond.
    await advance(100_000);
    expect(shown).toEqual([`W 60 ${at(240_000)}`, `O 5 ${at(355_000)}`]);
    await advance(60_000);
    expect(shown).toHaveLength(2);
  });

  it('taking time away past a threshold fires it at once; adding it back and crossing again does not fire it twice', async () => {
    run('start');
    await advance(10_000);
    expect(core.execute({ type: 'adjust', seconds: -240 }, 'control').ok).toBe(true); // 50 s left
    await settle();
    expect(shown).toEqual([`W 50 ${at(10_000)}`]);
    expect(core.execute({ type: 'adjust', seconds: 60 }, 'control').ok).toBe(true); // 110 s left
    await advance(60_000);
    expect(shown).toEqual([`W 50 ${at(10_000)}`]);
  });

  it('a rule added while the item is already past its threshold does not fire for the past', async () => {
    rules = [];
    engine.rulesChanged();
    run('start');
    await advance(250_000);
    rules = [say('w', 'item.warning', 'late')];
    engine.rulesChanged();
    await advance(10_000);
    expect(shown).toEqual([]);
  });

  it('after a restart: a crossing made while down fires late only if its phase is still on; one already fired never again', async () => {
    rules = [say('w', 'item.warning', 'W'), say('d', 'item.danger', 'D'), say('o', 'item.overtime', 'O', { overtimeSec: 5 })];
    engine.rulesChanged();
    run('start');
    await advance(240_000);
    expect(shown).toEqual(['W']);
    // Down from +241 s to +295 s: the danger threshold (+290 s) is crossed meanwhile, the warning was already sent.
    engine.close();
    vi.setSystemTime(T0 + 295_000);
    engine = startAutomationEngine({ core, rules: () => rules, lan: () => false, allow: () => [], record, log: () => {} });
    engine.start();
    await settle();
    expect(shown).toEqual(['W', 'D']);
    // Down again across time up and 5 s over: in overtime now, so overtime fires late; danger and warning do not come back.
    engine.close();
    vi.setSystemTime(T0 + 320_000);
    engine = startAutomationEngine({ core, rules: () => rules, lan: () => false, allow: () => [], record, log: () => {} });
    engine.start();
    await settle();
    expect(shown).toEqual(['W', 'D', 'O']);
  });

  it('after a restart: a warning crossed while down is not sent once the item is already in danger', async () => {
    rules = [say('w', 'item.warning', 'W')];
    engine.rulesChanged();
    run('start');
    await advance(200_000);
    engine.close();
    vi.setSystemTime(T0 + 295_000);
    engine = startAutomationEngine({ core, rules: () => rules, lan: () => false, allow: () => [], record, log: () => {} });
    engine.start();
    await advance(60_000);
    expect(shown).toEqual([]);
  });
});
