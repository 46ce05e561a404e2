import { describe, expect, it } from 'vitest';
import { FairInbox } from '../../../electron/server/fair-inbox';

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('FairInbox: one connection\'s events in turns', () => {
  it('runs an ordinary client\'s events at once', () => {
    const inbox = new FairInbox(4);
    const ran: number[] = [];
    for (let i = 0; i < 3; i += 1) inbox.run(() => ran.push(i));
    expect(ran).toEqual([0, 1, 2]);
  });

  it('runs at most perTurn of a burst per turn, in order, with other work in between', async () => {
    const inbox = new FairInbox(4);
    const ran: string[] = [];
    for (let i = 0; i < 10; i += 1) inbox.run(() => ran.push(`flood ${i}`));
    expect(ran).toHaveLength(4);
    // Another client's I/O, queued now, comes before the rest of the burst.
    setImmediate(() => ran.push('other'));
    await nextTurn();
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(ran.filter((r) => r.startsWith('flood'))).toEqual(Array.from({ length: 10 }, (_, i) => `flood ${i}`));
    expect(ran.indexOf('other')).toBeGreaterThan(3);
    expect(ran.indexOf('other')).toBeLessThan(9);
  });

  it('starts a new turn with a full share again', async () => {
    const inbox = new FairInbox(2);
    const ran: number[] = [];
    inbox.run(() => ran.push(1));
    inbox.run(() => ran.push(2));
    await nextTurn();
    inbox.run(() => ran.push(3));
    expect(ran).toEqual([1, 2, 3]);
  });

  it('drops what waits once the connection is gone', async () => {
    const inbox = new FairInbox(1);
    const ran: number[] = [];
    for (let i = 0; i < 5; i += 1) inbox.run(() => ran.push(i));
    inbox.close();
    await nextTurn();
    await nextTurn();
    inbox.run(() => ran.push(99));
    expect(ran).toEqual([0]);
  });
});
