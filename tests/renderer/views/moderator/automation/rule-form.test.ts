import { describe, expect, it } from 'vitest';
import type { AutomationRule } from '../../../../../shared/contract/automation';
import { blankForm, formOf, ruleOf } from '../../../../../renderer/views/moderator/automation/rule-form';

describe('the rule form and rooms', () => {
  const inA: AutomationRule = { id: 'a-cue', enabled: true, room: 'breakout-a', when: 'item.warning', then: { type: 'osc', host: '127.0.0.1', port: 53000, address: '/cue/12/start', args: [] } };

  it('keeps a rule\'s room through the form, and leaves `main` out (a rule without room keeps its meaning)', () => {
    expect(ruleOf(formOf(inA))).toEqual(inA);
    const { room: _room, ...inMain } = inA;
    void _room;
    expect(ruleOf(formOf(inMain))).toEqual(inMain);
    expect(ruleOf({ ...formOf(inA), room: 'main' })).toEqual(inMain);
  });

  it("a new rule follows the console's own room", () => {
    expect(blankForm([]).room).toBe('main');
    expect(ruleOf(blankForm([], 'breakout-b'))?.room).toBe('breakout-b');
  });
});
