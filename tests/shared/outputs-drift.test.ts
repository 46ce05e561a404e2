import { describe, expect, it } from 'vitest';
import { driftOf } from '../../shared/outputs/drift';

describe('drift as the crew and the audience read it', () => {
  it('is on time under 30 s either way, else late or early by whole minutes (at least 1)', () => {
    expect(driftOf(29_999)).toEqual({ kind: 'on-time', minutes: 0 });
    expect(driftOf(-29_999)).toEqual({ kind: 'on-time', minutes: 0 });
    expect(driftOf(30_000)).toEqual({ kind: 'late', minutes: 1 });
    expect(driftOf(5 * 60_000 + 20_000)).toEqual({ kind: 'late', minutes: 5 });
    expect(driftOf(-3 * 60_000)).toEqual({ kind: 'early', minutes: 3 });
  });
});
