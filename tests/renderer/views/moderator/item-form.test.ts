import { describe, expect, it } from 'vitest';
import { itemSchema } from '../../../../shared/agenda/agenda-schema';
import { commandSchemas } from '../../../../shared/contract/commands';
import { formOf, patchOf, problemOf } from '../../../../renderer/views/moderator/rundown/item-form';

const item = itemSchema.parse({ id: 'talk-1', title: 'Keynote', kind: 'talk', language: 'en', durationSec: 420 });

describe('the item form', () => {
  it('an emptied duration becomes an explicit "none", which the contract accepts', () => {
    const patch = patchOf(item, { ...formOf(item), duration: '' });
    expect(patch).toEqual({ durationSec: 'none' });
    expect(commandSchemas['item.update'].safeParse({ type: 'item.update', itemId: item.id, patch }).success).toBe(true);
  });

  it('a changed duration is sent in seconds; an unchanged form sends nothing', () => {
    expect(patchOf(item, { ...formOf(item), duration: '5:00' })).toEqual({ durationSec: 300 });
    expect(patchOf(item, formOf(item))).toBeNull();
  });

  it('moves, sets and removes the end-by time and the auto-advance, each a patch the contract accepts', () => {
    const endBy = itemSchema.parse({ ...item, endAt: '16:30', autoAdvance: { graceSec: 10 } });
    const valid = (patch: unknown) => commandSchemas['item.update'].safeParse({ type: 'item.update', itemId: item.id, patch }).success;
    const cases = [
      [endBy, { endAt: '16:45' }, { endAt: '16:45' }],
      [endBy, { endAt: '' }, { endAt: 'none' }],
      [endBy, { autoAdvance: 'roll' }, { autoAdvance: 'roll' }],
      [endBy, { autoAdvance: '' }, { autoAdvance: 'none' }],
      [item, { autoAdvance: '30' }, { autoAdvance: { graceSec: 30 } }],
      [item, { endAt: '09:15' }, { endAt: '09:15' }],
    ] as const;
    for (const [base, change, want] of cases) {
      const patch = patchOf(base, { ...formOf(base), ...change });
      expect(patch).toEqual(want);
      expect(valid(patch)).toBe(true);
    }
    expect(patchOf(endBy, formOf(endBy))).toBeNull();
  });
});

describe('what keeps the form from being saved (issue #13)', () => {
  const form = formOf(itemSchema.parse({ id: 't', title: 'Keynote', kind: 'talk', language: 'en', durationSec: 420, speaker: { name: 'LEE' } }));
  it.each([
    { what: 'a complete form', change: {}, problem: null },
    { what: 'an empty title', change: { title: '  ' }, problem: 'title' },
    { what: 'a talk without a speaker name', change: { name: ' ' }, problem: 'name' },
    { what: 'a name in local script only', change: { name: '', localName: '李' }, problem: null },
    { what: 'a break without a speaker', change: { kind: 'break', name: '' }, problem: null },
    { what: 'questions from the floor without a speaker', change: { kind: 'q-and-a', name: '' }, problem: null },
    { what: 'a duration of 0', change: { duration: '0' }, problem: 'zeroDuration' },
    { what: 'a duration of 0:00', change: { duration: '0:00' }, problem: 'zeroDuration' },
    { what: 'no duration', change: { duration: '' }, problem: null },
    { what: 'not a duration', change: { duration: 'seven' }, problem: 'duration' },
  ] as const)('$what → $problem', ({ change, problem }) => {
    expect(problemOf({ ...form, ...change })).toBe(problem);
  });
});
