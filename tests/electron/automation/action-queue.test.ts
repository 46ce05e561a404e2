import { describe, expect, it } from 'vitest';
import { ActionQueue } from '../../../electron/automation/action-queue';

const never = (signal: AbortSignal) => new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('ActionQueue', () => {
  it('runs nothing before enqueue returns, gives a hanging action up after the timeout, and other lanes go on meanwhile', async () => {
    const queue = new ActionQueue({ timeoutMs: 200, perTarget: 2 });
    const order: string[] = [];
    const hung = queue.enqueue('slow', async (signal) => {
      order.push('slow started');
      await never(signal);
    });
    const fast = queue.enqueue('fast', async () => void order.push('fast ran'));
    order.push('enqueued');
    expect(await fast).toEqual({ ok: true });
    expect(order).toEqual(['enqueued', 'slow started', 'fast ran']);
    expect(await hung).toEqual({ ok: false, error: 'no answer within 0.2 s' });
  });

  it('bounds what waits behind a busy target: more are refused, not queued', async () => {
    const queue = new ActionQueue({ timeoutMs: 100, perTarget: 2 });
    const results = await Promise.all([0, 1, 2, 3].map(() => queue.enqueue('slow', never)));
    expect(results.slice(0, 2).every((r) => !r.ok && r.error.startsWith('no answer'))).toBe(true);
    expect(results.slice(2)).toEqual([0, 1].map(() => ({ ok: false, error: '2 actions already wait for slow: dropped' })));
  });
});
