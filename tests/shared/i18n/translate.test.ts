import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { REPORT_STRINGS } from '../../../shared/i18n/report';
import { zh } from '../../../shared/i18n/zh';
import { translate } from '../../../shared/i18n/catalogue';
import { fill, formatMessage, messageTexts, translateError } from '../../../shared/i18n/translate';

describe('translate', () => {
  it('fills {name} placeholders and leaves unknown ones as they are', () => {
    expect(translate('en', 'app.title', { view: 'Speaker' })).toBe('Rostrum — Speaker');
    expect(translate('en', 'app.title')).toBe('Rostrum — {view}');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it.each([
    [1, 'New key made; 1 display disconnected.'],
    [0, 'New key made; 0 displays disconnected.'],
    [3, 'New key made; 3 displays disconnected.'],
  ])('picks the English plural form for %i', (count, text) => {
    expect(translate('en', 'network.tokens.done', { count })).toBe(text);
  });

  it('has one form in Chinese, whatever the count', () => {
    expect(translate('zh', 'network.tokens.done', { count: 1 })).toBe('已生成新密钥；1 个显示端已断开。');
    expect(formatMessage('zh', REPORT_STRINGS.zh.pauses, { count: 1 })).toBe('暂停 1 次');
    expect(formatMessage('zh', REPORT_STRINGS.zh.pauses, { count: 5 })).toBe('暂停 5 次');
  });

  it('reads a count already formatted for display', () => {
    expect(formatMessage('en', REPORT_STRINGS.en.pauses, { count: '1,200' })).toBe('1,200 pauses');
    expect(formatMessage('en', REPORT_STRINGS.en.pauses, { count: 1 })).toBe('1 pause');
  });

  it('the import preview counts its problems in words that agree (one warning, 1,200 errors)', () => {
    expect(translate('en', 'agendaIo.warnings', { count: '1' })).toBe('1 warning — the file can be imported');
    expect(translate('en', 'agendaIo.errors', { count: '1,200' })).toBe('1,200 errors — nothing will change until they are fixed in the file');
    expect(translate('zh', 'agendaIo.errors', { count: '1' })).toBe('1 个错误 — 请先在文件中改正，之前不会有任何改动');
  });

  it('no English message says "(s)": plurals are forms, not brackets', () => {
    const texts = [...messageTexts(en), ...messageTexts(REPORT_STRINGS.en as unknown as Record<string, string>)];
    expect(texts.filter((t) => /\w\(s\)/.test(t))).toEqual([]);
  });

  it('every catalogue text is a string, plural forms included', () => {
    for (const text of [...messageTexts(en), ...messageTexts(zh)]) expect(typeof text).toBe('string');
  });

  it('translates a known refusal and falls back to the server message for an unknown code', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('zh', key);
    expect(translateError(t, { code: 'not-found', message: 'x' })).toBe(zh['error.not-found']);
    expect(translateError(t, { code: 'from-the-future', message: 'Newer server' })).toBe('Newer server');
  });
});
