import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../electron/relay/client-address';

const req = (peer: string, forwarded?: string | string[]) => ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } });

describe("the relay's client address", () => {
  it('is the TCP peer without a proxy in front, whatever X-Forwarded-For says (a client cannot choose its address)', () => {
    expect(clientAddress(req('198.51.100.7', '203.0.113.5'), false)).toBe('198.51.100.7');
  });

  it('relay-forwarded-for-spoof: behind the TLS proxy, is the address the proxy appended last; what the client put before it is never read', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.5'), true)).toBe('203.0.113.5');
    expect(clientAddress(req('127.0.0.1', '9.9.9.9, 8.8.8.8, 203.0.113.5'), true)).toBe('203.0.113.5');
    expect(clientAddress(req('127.0.0.1', ['9.9.9.9', '2001:db8::5']), true)).toBe('2001:db8::5');
  });

  it('behind the proxy, falls back to the peer when the header is missing or its last entry is not an address', () => {
    expect(clientAddress(req('127.0.0.1'), true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', '203.0.113.5, not-an-ip'), true)).toBe('127.0.0.1');
  });
});
