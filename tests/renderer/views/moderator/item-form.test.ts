import { describe, expect, it } from 'vitest';
import { itemSchema } from '../../../../shared/agenda/agenda-schema';
import { commandSchemas } from '../../../../shared/contract/commands';
import { formOf, patchOf } from '../../../../renderer/views/moderator/rundown/item-form';

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
});
