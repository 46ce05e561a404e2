import { describe, expect, it } from 'vitest';
import { automationsBodySchema } from '../../../shared/contract/automation-schemas';
import { issuesToErrors } from '../../../shared/contract/validate';

/** The lower third as a rule's action (#20): `{ "type": "lowerThird", "show": true|false }`. */
describe('automationsBodySchema: the lowerThird action', () => {
  const rule = (then: unknown) => ({ rules: [{ id: 'lt', enabled: true, when: 'item.started', where: { language: 'en' }, then }] });
  const firstError = (body: unknown) => {
    const parsed = automationsBodySchema.safeParse(body);
    return parsed.success ? null : issuesToErrors(parsed.error.issues)[0];
  };

  it('takes show and hide', () => {
    expect(firstError(rule({ type: 'lowerThird', show: true }))).toBeNull();
    expect(firstError(rule({ type: 'lowerThird', show: false }))).toBeNull();
  });

  it('names what is wrong: a missing or non-boolean show, a stray field, an unknown type', () => {
    expect(firstError(rule({ type: 'lowerThird' }))).toMatchObject({ path: 'rules.0.then.show', message: 'rules.0.then.show: must be true (show) or false (hide)' });
    expect(firstError(rule({ type: 'lowerThird', show: 'yes' }))).toMatchObject({ path: 'rules.0.then.show' });
    expect(firstError(rule({ type: 'lowerThird', show: true, text: 'x' }))).toMatchObject({ path: 'rules.0.then.text', message: 'rules.0.then.text: unknown field "text"' });
    expect(firstError(rule({ type: 'lower-third', show: true }))?.message).toMatch(/^rules\.0\.then\.type: .*must be one of osc, http, message, lowerThird$/);
  });
});
