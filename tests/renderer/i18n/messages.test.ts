import { afterEach, describe, expect, it, vi } from 'vitest';
import { audioEn, audioZh } from '../../../shared/i18n/parts/audio';
import { coreZh } from '../../../shared/i18n/parts/core';
import { speakerZh } from '../../../shared/i18n/parts/speaker';
import { isMessageKey, loadMessages, loadedTexts, part, translate } from '../../../renderer/i18n/messages';

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a page's strings", () => {
  it('has the core in both languages before any part is loaded', () => {
    expect(translate('zh', 'phase.overtime')).toBe(coreZh['phase.overtime']);
    expect(translate('en', 'app.title', { view: 'Speaker' })).toBe('Rostrum — Speaker');
    expect(isMessageKey('error.offline')).toBe(true);
  });

  it('says so in the console when a key of a part it did not load is asked for, once, and shows the key', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(isMessageKey('audio.state.on')).toBe(false);
    expect(translate('en', 'audio.state.on')).toBe('audio.state.on');
    expect(translate('zh', 'audio.state.on')).toBe('audio.state.on');
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain('"audio.state.on" is not loaded');
  });

  it("shows a loaded part in either language, and warms the fonts up for both languages' texts", () => {
    loadMessages([part(audioEn, audioZh)]);
    expect(translate('en', 'audio.state.on')).toBe(audioEn['audio.state.on']);
    expect(translate('zh', 'audio.state.on')).toBe(audioZh['audio.state.on']);
    expect(loadedTexts()).toEqual(expect.arrayContaining([audioEn['audio.hint.on'], audioZh['audio.hint.on'], coreZh['link.offline']]));
  });

  it("pairs a part's English with its own Chinese only", () => {
    // @ts-expect-error the speaker's Chinese has none of the audio keys
    expect(() => part(audioEn, speakerZh)).not.toThrow();
  });
});
