import { describe, expect, it } from 'vitest';
import { ConnectionCaps } from '../../../electron/server/connection-caps';

describe('ConnectionCaps (socket-connection-cap)', () => {
  it('refuses an address over its cap, naming it, and frees a place on release (once)', () => {
    const caps = new ConnectionCaps({ perAddress: 2, perToken: 10 });
    const a = caps.admit('::ffff:127.0.0.1', null);
    const b = caps.admit('127.0.0.1', null);
    expect(a.ok && b.ok).toBe(true);
    expect(caps.admit('127.0.0.1', null)).toEqual({ ok: false, message: 'too many connections from 127.0.0.1: at most 2 at once' });
    expect(caps.admit('192.0.2.9', null).ok).toBe(true);
    if (a.ok) {
      a.release();
      a.release();
    }
    expect(caps.admit('127.0.0.1', null).ok).toBe(true);
    expect(caps.admit('127.0.0.1', null).ok).toBe(false);
  });

  it('refuses a token over its cap from any address; a refused connection takes no place', () => {
    const caps = new ConnectionCaps({ perAddress: 10, perToken: 2 });
    expect(caps.admit('192.0.2.1', 'view-token').ok).toBe(true);
    expect(caps.admit('192.0.2.2', 'view-token').ok).toBe(true);
    expect(caps.admit('192.0.2.3', 'view-token')).toEqual({ ok: false, message: 'too many connections with this token: at most 2 at once' });
    expect(caps.admit('192.0.2.3', 'booth-token').ok).toBe(true);
    // The refusal above took no place from 192.0.2.3: nine more fit there.
    for (let i = 0; i < 9; i += 1) expect(caps.admit('192.0.2.3', null).ok).toBe(true);
    expect(caps.admit('192.0.2.3', null).ok).toBe(false);
  });
});
