import { describe, expect, it } from 'vitest';
import { parseSetting } from '../../../electron/persistence/settings-schema';

describe('settings.json: relayLink (the relay link as set from the console)', () => {
  it('keeps the valid parts and names the wrong ones', () => {
    expect(parseSetting('relayLink', { url: 'https://relay.example.org', key: 'a'.repeat(24), enabled: true, cohost: false })).toEqual({
      value: { url: 'https://relay.example.org', key: 'a'.repeat(24), enabled: true, cohost: false },
      problems: [],
    });
    const parsed = parseSetting('relayLink', { url: 'ftp://relay.example.org', enabled: 'yes' });
    expect(parsed.value).toEqual({});
    expect(parsed.problems.map((p) => p.path)).toEqual(['relayLink.url', 'relayLink.enabled']);
  });

  it('names a wrong key without showing it (the warning reaches the console and the log)', () => {
    const parsed = parseSetting('relayLink', { url: 'https://relay.example.org', key: 'half-a-secret' });
    expect(parsed.value).toEqual({ url: 'https://relay.example.org' });
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.path).toBe('relayLink.key');
    expect(parsed.problems[0]!.message).toMatch(/16 to 200 URL-safe characters/);
    expect(JSON.stringify(parsed.problems)).not.toContain('half-a-secret');
  });
});
