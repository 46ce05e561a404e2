import { describe, expect, it } from 'vitest';
import { defaultOf, parseSetting, settingValue } from '../../../electron/persistence/settings-schema';

const good = { id: 'rec', enabled: true, when: 'item.started', then: { type: 'osc', host: '127.0.0.1', port: 9000, address: '/rec/start', args: ['{{item.speaker}}'] } };

describe('settings.json `automations`', () => {
  it('is empty by default', () => {
    expect(settingValue('automations', undefined)).toEqual({ rules: [], allow: [] });
  });

  it('keeps the valid rules of a hand-edited file and names each bad one by index and field', () => {
    const parsed = parseSetting('automations', { rules: [good, { ...good, id: 'bad', then: { ...good.then, port: 0 } }, good, { ...good, id: 'typo', then: { ...good.then, address: '/{{item.nope}}' } }], allow: ['10.0.0.7'] });
    expect(parsed.value).toEqual({ rules: [good], allow: ['10.0.0.7'] });
    expect(parsed.problems.map((p) => p.path)).toEqual(['automations.rules.1.then.port', 'automations.rules.2.id', 'automations.rules.3.then.address']);
    expect(parsed.problems[2]!.message).toContain('unknown placeholder {{item.nope}}');
    expect(parsed.problems[0]!.message).toMatch(/; this rule is left out$/);
    // The start-up warning names no default for one rule (it is left out, not replaced).
    expect(defaultOf('automations.rules.1.then.port')).toBeUndefined();
  });
});
