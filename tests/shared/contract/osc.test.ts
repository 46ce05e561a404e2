import { describe, expect, it } from 'vitest';
import { parseOscTarget } from '../../../shared/contract/osc';
import { oscBodySchema } from '../../../shared/contract/osc-schemas';
import { issuesToErrors } from '../../../shared/contract/validate';

describe('parseOscTarget', () => {
  it.each([
    ['127.0.0.1:9000', { host: '127.0.0.1', port: 9000 }],
    ['companion.local:12321', { host: 'companion.local', port: 12321 }],
    [' 192.168.1.20:53000 ', { host: '192.168.1.20', port: 53000 }],
    ['[::1]:9000', { host: '::1', port: 9000 }],
  ])('reads %s', (text, target) => expect(parseOscTarget(text)).toEqual(target));

  it.each(['localhost', '127.0.0.1:', ':9000', '127.0.0.1:0', '127.0.0.1:65536', 'a b:9000', '::1:9000'])('refuses %s', (text) => {
    expect(parseOscTarget(text)).toBeNull();
  });
});

describe('oscBodySchema', () => {
  const firstError = (body: unknown) => {
    const parsed = oscBodySchema.safeParse(body);
    return parsed.success ? null : issuesToErrors(parsed.error.issues)[0];
  };

  it('takes any subset of the settings', () => {
    expect(firstError({})).toBeNull();
    expect(firstError({ on: true, port: 8000, allow: ['192.168.1.20', '::1'], feedback: null })).toBeNull();
  });

  it('names the field that is wrong', () => {
    expect(firstError({ port: 0 })).toMatchObject({ path: 'port', message: 'port: must be a UDP port from 1 to 65535' });
    expect(firstError({ allow: ['10.0.0.1', '10.0.0'] })).toMatchObject({ path: 'allow.1' });
    expect(firstError({ allow: Array.from({ length: 33 }, (_, i) => `10.0.0.${i}`) })).toMatchObject({ path: 'allow', message: 'allow: at most 32 addresses' });
    expect(firstError({ feedback: 'desk' })).toMatchObject({ path: 'feedback' });
    expect(firstError({ port: 8000, colour: 'red' })).toMatchObject({ path: 'colour' });
  });
});
