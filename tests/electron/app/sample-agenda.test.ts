import { describe, expect, it } from 'vitest';
import sample from '../../../assets/samples/just-transition-workshop.json';
import { sampleAgenda } from '../../../electron/app/sample-agenda';
import { validateAgenda } from '../../../shared/contract/validate';

describe('the bundled sample agenda', () => {
  it('is valid, with every default filled in: sampleAgenda() may skip validation at start-up', () => {
    const result = validateAgenda(sample);
    expect(result.ok).toBe(true);
    if (result.ok) expect(sampleAgenda()).toStrictEqual(result.value);
  });

  it('is a fresh copy on each call', () => {
    expect(sampleAgenda()).not.toBe(sampleAgenda());
  });
});
