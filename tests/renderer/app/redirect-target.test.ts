import { describe, expect, it } from 'vitest';
import type { RedirectOrder } from '../../../shared/contract/displays';
import { redirectStep } from '../../../renderer/app/redirect-target';

const here = (path: string) => new URL(`http://10.0.0.5:4848${path}`);
const order = (view: string, params: Record<string, string> = {}) => ({ view, params }) as RedirectOrder;

describe('redirectStep: where a redirect order takes a display (#19)', () => {
  it('applies other parameters of the same page in place, without a reload', () => {
    expect(redirectStep(order('speaker', { bare: '1' }), here('/speaker'), 'view-key')).toEqual({ kind: 'params', search: '?bare=1' });
    expect(redirectStep(order('audience', { lang: 'en+zh' }), here('/audience/?timer=1'), 'view-key')).toEqual({ kind: 'params', search: '?lang=en%2Bzh' });
  });

  it('navigates to another page of ours, on this origin, carrying its own key', () => {
    const step = redirectStep(order('clock', { lang: 'zh' }), here('/speaker'), 'view-key');
    expect(step).toEqual({ kind: 'navigate', href: 'http://10.0.0.5:4848/clock?lang=zh&token=view-key' });
  });

  it('a changed personal item needs a new page', () => {
    expect(redirectStep(order('speaker', { item: 'b' }), here('/speaker?item=a'), undefined)).toEqual({ kind: 'navigate', href: 'http://10.0.0.5:4848/speaker?item=b' });
  });

  it('displays-open-redirect: never leaves this origin, never goes to the console, never takes a key from the order', () => {
    for (const view of ['https://evil.example', '//evil.example', '/\\evil.example', 'moderator', '../api/v1/state', '']) {
      expect(redirectStep(order(view), here('/speaker'), 'view-key'), view).toEqual({ kind: 'ignore' });
    }
    const step = redirectStep(order('audience', { token: 'control-key', lang: 'zh' }), here('/speaker'), 'view-key');
    expect(step).toEqual({ kind: 'navigate', href: 'http://10.0.0.5:4848/audience?lang=zh&token=view-key' });
    expect(redirectStep(order('audience', { token: 'control-key' }), here('/audience'), 'view-key')).toEqual({ kind: 'params', search: '' });
  });
});
