import { describe, expect, it } from 'vitest';
import { ClusterSecrets } from '../../../electron/relay/cluster';

const tokens = { speaker: 'speaker-token-123456', booth: 'booth-token-1234567', audience: 'audience-token-12345', moderator: null };

describe('relay cluster: what goes through Redis', () => {
  it('seals the remote tokens: no token in the sealed text, only the same relay key opens them', () => {
    const sealed = new ClusterSecrets('relay-key-aaaaaaaaaaaa').seal(tokens);
    for (const t of [tokens.speaker, tokens.booth, tokens.audience]) expect(sealed).not.toContain(t);
    expect(new ClusterSecrets('relay-key-aaaaaaaaaaaa').unseal(sealed)).toEqual(tokens);
    expect(new ClusterSecrets('relay-key-bbbbbbbbbbbb').unseal(sealed)).toBeNull();
    expect(new ClusterSecrets('relay-key-aaaaaaaaaaaa').unseal(`${sealed.slice(0, -2)}xx`)).toBeNull();
    expect(new ClusterSecrets('relay-key-aaaaaaaaaaaa').unseal('garbage')).toBeNull();
  });

  it('signs a forwarded command: a changed role, command or key fails', () => {
    const secrets = new ClusterSecrets('relay-key-aaaaaaaaaaaa');
    const request = { channel: 'main', role: 'booth' as const, command: { type: 'booth.request', booth: 'A', kind: 'slow-down' } };
    const mac = secrets.mac(request);
    expect(secrets.verify(request, mac)).toBe(true);
    expect(secrets.verify({ ...request, role: 'moderator' }, mac)).toBe(false);
    expect(secrets.verify({ ...request, command: { type: 'start' } }, mac)).toBe(false);
    expect(new ClusterSecrets('relay-key-bbbbbbbbbbbb').verify(request, mac)).toBe(false);
    expect(secrets.verify(request, undefined)).toBe(false);
  });
});
