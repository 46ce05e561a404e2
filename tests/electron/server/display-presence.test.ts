import { describe, expect, it } from 'vitest';
import type { ConnectedDisplay } from '../../../shared/contract/presence';
import type { CoalescerClock } from '../../../electron/server/coalescer';
import { DISPLAYS_INTERVAL_MS, DisplayPresence } from '../../../electron/server/display-presence';

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
