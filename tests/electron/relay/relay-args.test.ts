import { describe, expect, it } from 'vitest';
import { RELAY_FLAGS, RELAY_USAGE, parseRelayArgs } from '../../../electron/relay/relay-args';
import { parseServeArgs } from '../../../electron/cli/args';

describe('relay flags', () => {
  it('refuses to listen beyond loopback without TLS, naming both ways out', () => {
    expect(() => parseRelayArgs(['--host', '0.0.0.0'], {})).toThrow(/needs TLS: give --tls-cert and --tls-key, or --behind-tls-proxy/);
    expect(parseRelayArgs(['--host', '0.0.0.0', '--behind-tls-proxy'], {}).behindTlsProxy).toBe(true);
    expect(parseRelayArgs(['--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {}).tlsCert).toBe('c.pem');
    expect(parseRelayArgs(['--host', '127.0.0.1'], {}).host).toBe('127.0.0.1');
  });

  it('checks the key, the public URL and the TLS pair', () => {
    expect(() => parseRelayArgs(['--relay-key', 'short'], {})).toThrow(/--relay-key: a link key needs 16/);
    expect(() => parseRelayArgs(['--public-url', 'relay.example.org'], {})).toThrow(/--public-url: "relay.example.org" is not a URL/);
    expect(() => parseRelayArgs(['--tls-cert', 'c.pem'], {})).toThrow(/--tls-cert and --tls-key go together/);
    expect(parseRelayArgs(['--public-url', 'https://relay.example.org/x'], {}).publicUrl).toBe('https://relay.example.org');
    expect(parseRelayArgs([], { ROSTRUM_RELAY_KEY: 'k'.repeat(20) }).relayKey).toBe('k'.repeat(20));
  });

  it('takes --redis with a redis:// URL and a shared key, and nothing else', () => {
    const key = 'k'.repeat(20);
    expect(parseRelayArgs([], {}).redis).toBeNull();
    expect(parseRelayArgs(['--redis', 'redis://127.0.0.1:6379', '--relay-key', key], {}).redis).toBe('redis://127.0.0.1:6379');
    expect(parseRelayArgs(['--redis', 'rediss://:pw@10.0.0.5:6380'], { ROSTRUM_RELAY_KEY: key }).redis).toBe('rediss://:pw@10.0.0.5:6380');
    expect(() => parseRelayArgs(['--redis', '127.0.0.1:6379', '--relay-key', key], {})).toThrow(/--redis: give a redis:\/\/ or rediss:\/\/ URL/);
    expect(parseRelayArgs([], { ROSTRUM_REDIS_URL: 'redis://:pw@127.0.0.1:6379', ROSTRUM_RELAY_KEY: key }).redis).toBe('redis://:pw@127.0.0.1:6379');
    expect(() => parseRelayArgs(['--redis', 'redis://127.0.0.1:6379'], {})).toThrow(/--redis: give --relay-key .* the same for every relay process/);
  });
});

describe('the relay flags, one list through the serve parser', () => {
  it('refuses an unknown flag naming it (a venue flag is not a relay flag)', () => {
    expect(() => parseRelayArgs(['--port', '4849', '--control-token', 'x'.repeat(20)], {})).toThrow('--control-token: no such flag (--help lists them)');
    expect(() => parseRelayArgs(['--public-url'], {})).toThrow('--public-url: give its value (--public-url URL;');
    expect(() => parseRelayArgs(['--behind-tls-proxy=yes'], {})).toThrow('--behind-tls-proxy takes no value');
  });

  it('help lists every relay flag, with its environment variable, and the defaults hold', () => {
    const listed = [...RELAY_USAGE.matchAll(/^ {2}(?:-h, )?--([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(RELAY_FLAGS));
    expect(RELAY_USAGE).toMatch(/--relay-key K +the key venues link with \(or ROSTRUM_RELAY_KEY\)/);
    expect(RELAY_USAGE).toMatch(/\(or\n +ROSTRUM_REDIS_URL\)/);
    expect(parseRelayArgs(['-h'], {})).toMatchObject({ help: true, port: 4849, host: '127.0.0.1', relayKey: null, redis: null, rateLimit: null, allowedHosts: [] });
  });
});

describe('serve: --relay and --relay-key', () => {
  it('takes both from flags or the environment, and neither alone', () => {
    const key = 'k'.repeat(20);
    expect(parseServeArgs([], {}).relay).toBeNull();
    expect(parseServeArgs(['--relay', 'https://relay.example.org', '--relay-key', key], {}).relay).toEqual({ url: 'https://relay.example.org', key });
    expect(parseServeArgs([], { ROSTRUM_RELAY_URL: 'http://127.0.0.1:4849', ROSTRUM_RELAY_KEY: key }).relay).toEqual({ url: 'http://127.0.0.1:4849', key });
    expect(() => parseServeArgs(['--relay', 'https://relay.example.org'], {})).toThrow(/give its link key too/);
    expect(() => parseServeArgs(['--relay-key', key], {})).toThrow(/give the relay too/);
    expect(() => parseServeArgs(['--relay', 'ftp://x', '--relay-key', key], {})).toThrow(/must start with https:\/\//);
  });
});
