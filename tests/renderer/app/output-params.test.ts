import { describe, expect, it } from 'vitest';
import { flagParam, keyParam, langParam } from '../../../renderer/app/output-params';

describe('the outputs\' URL parameters (#19)', () => {
  it('reads one language or two, in order, and names a bad one', () => {
    expect(langParam('')).toEqual({ ok: true, value: null });
    expect(langParam('?lang=zh')).toEqual({ ok: true, value: ['zh'] });
    expect(langParam('?lang=en+zh')).toEqual({ ok: true, value: ['en', 'zh'] });
    expect(langParam('?lang=zh%2Ben')).toEqual({ ok: true, value: ['zh', 'en'] });
    expect(langParam('?lang=en,en')).toEqual({ ok: true, value: ['en'] });
    expect(langParam('?lang=fr')).toEqual({ ok: false, message: expect.stringContaining('lang: "fr"') });
  });

  it('reads a key colour as #rrggbb and refuses anything else, naming the parameter', () => {
    expect(keyParam('?key=00B140')).toEqual({ ok: true, value: '#00b140' });
    expect(keyParam('?key=%2300b140')).toEqual({ ok: true, value: '#00b140' });
    expect(keyParam('?key=0f0')).toEqual({ ok: true, value: '#00ff00' });
    expect(keyParam('')).toEqual({ ok: true, value: null });
    expect(keyParam('?key=green')).toEqual({ ok: false, message: expect.stringContaining('key: "green"') });
    expect(keyParam('?key=00b14')).toMatchObject({ ok: false });
  });

  it('reads flags', () => {
    expect(flagParam('?timer=1', 'timer')).toBe(true);
    expect(flagParam('?timer=0', 'timer')).toBe(false);
    expect(flagParam('', 'timer')).toBe(false);
  });
});
