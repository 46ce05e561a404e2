import { describe, expect, it } from 'vitest';
import { parseRedirectParams } from '../../../../renderer/views/moderator/displays/redirect-params';

describe('parseRedirectParams: what the moderator types as a redirect parameters', () => {
  it.each([
    ['', {}],
    ['bare=1', { bare: '1' }],
    ['?lang=en+zh&timer=1', { lang: 'en+zh', timer: '1' }],
    ['key=00b140&name=%E4%B8%AD', { key: '00b140', name: '中' }],
    ['transparent', { transparent: '' }],
  ])('%s', (text, params) => expect(parseRedirectParams(text)).toEqual(params));

  it.each(['=1', '1a=2', 'a b=1', 'x=%E4%ZZ', Array.from({ length: 13 }, (_, i) => `p${i}=1`).join('&')])('refuses %s', (text) => expect(parseRedirectParams(text)).toBeNull());
});
