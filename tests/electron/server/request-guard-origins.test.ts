import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createRequestGuard } from '../../../electron/server/request-guard';

const request = (host: string, origin?: string): IncomingMessage =>
  ({ headers: { host, ...(origin ? { origin } : {}) }, socket: { remoteAddress: '203.0.113.9' } }) as unknown as IncomingMessage;

describe('request guard: pages over https (a relay, docs/remote.md)', () => {
  it('accepts https origins of an allowed host only when told to, with 443 as the default port', () => {
    const relay = createRequestGuard({ allowedHosts: ['relay.example.org'], trusted: ['none'], secureOrigins: true });
    relay.bound('127.0.0.1', 4849);
    expect(relay.check(request('relay.example.org', 'https://relay.example.org'))).toBeNull();
    expect(relay.check(request('relay.example.org', 'https://evil.example'))?.code).toBe('forbidden');
    expect(relay.check(request('evil.example', 'https://relay.example.org'))?.code).toBe('forbidden');

    // The venue's guard is as before: an https origin is refused.
    const venue = createRequestGuard({ allowedHosts: ['relay.example.org'], trusted: ['loopback'] });
    venue.bound('127.0.0.1', 4848);
    expect(venue.check(request('relay.example.org', 'https://relay.example.org'))?.code).toBe('forbidden');
    expect(venue.check(request('127.0.0.1:4848', 'http://127.0.0.1:4848'))).toBeNull();
  });

  it('an own-certificate relay: https origin on its own address and port', () => {
    const relay = createRequestGuard({ allowedHosts: [], trusted: ['none'], secureOrigins: true });
    relay.bound('127.0.0.1', 4849);
    expect(relay.check(request('127.0.0.1:4849', 'https://127.0.0.1:4849'))).toBeNull();
    expect(relay.check(request('127.0.0.1:4849', 'https://127.0.0.1'))?.code).toBe('forbidden');
  });
});
