import { describe, expect, it } from 'vitest';
import type { ConnectedDisplay } from '../../../shared/contract/presence';
import type { CoalescerClock } from '../../../electron/server/coalescer';
import { DISPLAYS_INTERVAL_MS, DisplayPresence, SEEN_REFRESH_MS, type PresenceEvent } from '../../../electron/server/display-presence';
import { memoryNameBook, withName } from '../../../electron/server/display-names';
import { MAX_REMEMBERED_NAMES } from '../../../shared/contract/displays';

/** A hand-cranked clock: timers run only when the test advances time. */
function manualClock(): CoalescerClock & { advance(ms: number): void } {
  let t = 0;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => t,
    setTimer: (run, ms) => {
      const timer = { at: t + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      timers = timers.filter((x) => x !== timer);
    },
    advance(ms) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.run();
    },
  };
}

function setup() {
  const clock = manualClock();
  const sent: ConnectedDisplay[][] = [];
  const presence = new DisplayPresence((ds) => sent.push(ds), () => 1_000, clock);
  return { clock, sent, presence };
}

const hello = (name: string) => ({ view: 'speaker' as const, name, language: 'en' as const });

describe('DisplayPresence (display-hello-storm)', () => {
  it('sends the first change at once, then at most one list per interval, always ending with the last state', () => {
    const { clock, sent, presence } = setup();
    presence.hello('a', null, hello('A'));
    expect(sent.map((ds) => ds.map((d) => d.name))).toEqual([['A']]);
    for (let i = 0; i < 250; i += 1) presence.hello(`s${i}`, null, hello(`S${i}`));
    presence.leave('a');
    expect(sent).toHaveLength(1);
    clock.advance(DISPLAYS_INTERVAL_MS - 1);
    expect(sent).toHaveLength(1);
    clock.advance(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.map((d) => d.name)).toEqual(Array.from({ length: 250 }, (_, i) => `S${i}`));
    // Quiet for an interval: the next change goes out at once again.
    clock.advance(DISPLAYS_INTERVAL_MS);
    presence.leave('s0');
    expect(sent).toHaveLength(3);
    expect(sent[2]).toHaveLength(249);
  });

  it('ignores a hello that changes nothing; a changed one keeps the id and the connection time', () => {
    const { clock, sent, presence } = setup();
    presence.hello('b', 'booth', { ...hello('Booth'), direction: 'both' });
    clock.advance(DISPLAYS_INTERVAL_MS);
    presence.hello('b', 'booth', { ...hello('Booth'), direction: 'both' });
    clock.advance(DISPLAYS_INTERVAL_MS);
    expect(sent).toHaveLength(1);
    presence.hello('b', 'booth', { ...hello('Booth'), direction: 'into:en' });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual([{ ...sent[0]![0]!, direction: 'into:en' }]);
  });

  it('sends nothing when a connection that never said hello leaves, nor after close', () => {
    const { clock, sent, presence } = setup();
    presence.leave('nobody');
    expect(sent).toEqual([]);
    presence.hello('a', null, hello('A'));
    presence.hello('b', null, hello('B'));
    presence.close();
    clock.advance(DISPLAYS_INTERVAL_MS * 2);
    expect(sent).toHaveLength(1);
  });
});

describe('DisplayPresence: names per device, events, last seen (#19)', () => {
  const device = (name: string, deviceId: string) => ({ ...hello(name), deviceId });

  it('a name given from the console wins over the display\'s own, is kept for its device, and comes back on a new connection', () => {
    const clock = manualClock();
    const names = memoryNameBook();
    const presence = new DisplayPresence(() => undefined, () => 1_000, clock, names);
    presence.hello('a', 'view', device('', 'device-aaaaaa'), '10.0.0.7');
    const id = presence.list()[0]!.id;
    presence.rename(id, 'Foyer');
    expect(names.get('device-aaaaaa')).toBe('Foyer');
    presence.leave('a');
    presence.hello('b', 'view', device('', 'device-aaaaaa'), '10.0.0.7');
    expect(presence.list()).toMatchObject([{ name: 'Foyer', named: true, address: '10.0.0.7' }]);
    // An empty name forgets it: the display's own name shows again.
    presence.rename(presence.list()[0]!.id, '');
    expect(names.get('device-aaaaaa')).toBeUndefined();
    expect(presence.list()).toMatchObject([{ name: '', named: false }]);
  });

  it('renames every display of the device at once (two tabs of one browser), and no other', () => {
    const presence = new DisplayPresence(() => undefined, () => 1_000, manualClock());
    presence.hello('tab1', 'view', device('', 'device-shared'));
    presence.hello('tab2', 'booth', { ...device('Booth A', 'device-shared'), view: 'booth' });
    presence.hello('other', 'view', device('', 'device-other1'));
    presence.rename(presence.list()[0]!.id, 'Desk');
    expect(presence.list().map((d) => d.name)).toEqual(['Desk', 'Desk', '']);
  });

  it('a failed save changes nothing', () => {
    const presence = new DisplayPresence(() => undefined, () => 1_000, manualClock(), {
      get: () => undefined,
      set: () => {
        throw new Error('disk full');
      },
    });
    presence.hello('a', 'view', device('', 'device-aaaaaa'));
    expect(() => presence.rename(presence.list()[0]!.id, 'Foyer')).toThrow('disk full');
    expect(presence.list()[0]!.name).toBe('');
  });

  it('tells subscribers when a display comes, changes and goes (the rules\' display.offline)', () => {
    const presence = new DisplayPresence(() => undefined, () => 1_000, manualClock());
    const events: string[] = [];
    presence.subscribe((e: PresenceEvent) => events.push(`${e.type} ${e.display.id}`));
    presence.hello('a', 'view', hello('A'));
    presence.hello('a', 'view', hello('A'));
    presence.hello('a', 'view', { ...hello('A'), language: 'zh' });
    presence.leave('a');
    expect(events).toEqual(['online d1', 'changed d1', 'offline d1']);
  });

  it('keeps "last seen" true: the list goes out again once every refresh interval while displays only ping', () => {
    const clock = manualClock();
    const sent: ConnectedDisplay[][] = [];
    const presence = new DisplayPresence((ds) => sent.push(ds), clock.now, clock);
    presence.hello('a', 'view', hello('A'));
    expect(sent).toHaveLength(1);
    for (let t = 1_000; t < SEEN_REFRESH_MS; t += 1_000) {
      clock.advance(1_000);
      presence.seen('a');
    }
    expect(sent).toHaveLength(1);
    clock.advance(1_000);
    presence.seen('a');
    expect(sent).toHaveLength(2);
    expect(sent[1]![0]!.lastSeen).toBe(SEEN_REFRESH_MS);
  });

  it('remembers at most MAX_REMEMBERED_NAMES devices, forgetting the oldest', () => {
    let names: Record<string, string> = {};
    for (let i = 0; i <= MAX_REMEMBERED_NAMES; i += 1) names = withName(names, `device-${String(i).padStart(4, '0')}`, `N${i}`);
    expect(Object.keys(names)).toHaveLength(MAX_REMEMBERED_NAMES);
    expect(names['device-0000']).toBeUndefined();
    expect(names[`device-${String(MAX_REMEMBERED_NAMES).padStart(4, '0')}`]).toBe(`N${MAX_REMEMBERED_NAMES}`);
  });
});
