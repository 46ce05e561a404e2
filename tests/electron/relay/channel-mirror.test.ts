import { describe, expect, it } from 'vitest';
import { ChannelMirror, memorySnapshotStore, type FoldResult } from '../../../electron/relay/channel-mirror';

interface S {
  revision: number;
  text: string;
}
interface P {
  revision: number;
  text?: string;
}

/** A fold with the views' rule: only `revision + 1` applies. */
const fold = (local: S | null, p: P): FoldResult<S> => {
  if (local === null) return { kind: 'gap' };
  if (p.revision <= local.revision) return { kind: 'stale' };
  if (p.revision !== local.revision + 1) return { kind: 'gap' };
  return { kind: 'applied', snapshot: { revision: p.revision, text: p.text ?? local.text } };
};

function mirror() {
  const sent: string[] = [];
  const m = new ChannelMirror<S, P>(memorySnapshotStore(), fold, {
    snapshot: (c, s) => sent.push(`${c} snapshot ${s.revision}`),
    patch: (c, p) => sent.push(`${c} patch ${p.revision}`),
    resync: (c) => sent.push(`${c} resync`),
  });
  return { m, sent };
}

describe('ChannelMirror', () => {
  it('keeps the last snapshot per channel and forwards patches with their revision', () => {
    const { m, sent } = mirror();
    m.snapshot('main', { revision: 4, text: 'a' });
    m.patch('main', { revision: 5, text: 'b' });
    m.snapshot('room-2', { revision: 1, text: 'x' });
    expect(m.latest('main')).toEqual({ revision: 5, text: 'b' });
    expect(m.latest('room-2')).toEqual({ revision: 1, text: 'x' });
    expect(sent).toEqual(['main snapshot 4', 'main patch 5', 'room-2 snapshot 1']);
  });

  it('on a revision gap asks the source once for a snapshot, and forwards nothing until it comes', () => {
    const { m, sent } = mirror();
    m.snapshot('main', { revision: 1, text: 'a' });
    m.patch('main', { revision: 3, text: 'c' });
    m.patch('main', { revision: 4, text: 'd' });
    expect(sent).toEqual(['main snapshot 1', 'main resync']);
    expect(m.latest('main')?.revision).toBe(1);
    m.snapshot('main', { revision: 4, text: 'd' });
    m.patch('main', { revision: 6 });
    expect(sent.slice(2)).toEqual(['main snapshot 4', 'main resync']);
  });

  it('ignores a stale patch, asks for a snapshot before the first one, and always takes the source snapshot', () => {
    const { m, sent } = mirror();
    m.patch('main', { revision: 2 });
    expect(sent).toEqual(['main resync']);
    m.snapshot('main', { revision: 9, text: 'a' });
    m.patch('main', { revision: 9, text: 'old' });
    expect(m.latest('main')).toEqual({ revision: 9, text: 'a' });
    // A venue restored from an older file is still the authority.
    m.snapshot('main', { revision: 3, text: 'restored' });
    expect(m.latest('main')).toEqual({ revision: 3, text: 'restored' });
  });

  it('asks again after the source was lost and came back', () => {
    const { m, sent } = mirror();
    m.snapshot('main', { revision: 1, text: 'a' });
    m.patch('main', { revision: 3 });
    m.sourceLost('main');
    m.patch('main', { revision: 4 });
    expect(sent.filter((s) => s === 'main resync')).toHaveLength(2);
  });
});
