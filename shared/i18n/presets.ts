import type { SpeakerPreset } from '../contract/presets';
import type { UiLanguage } from './translate';

/**
 * Preset messages to the speaker, in every UI language. The console sends the preset id with the
 * text in the current speaker's language; each monitor shows the preset in its own language.
 */
export const PRESET_TEXT: Record<UiLanguage, Record<SpeakerPreset, string>> = {
  en: {
    'wrap-up': 'Please wrap up',
    'one-minute': '1 minute left',
    'time-up': 'Time is up',
    'closer-to-mic': 'Please speak closer to the microphone',
    'slow-down': 'Please slow down for the interpreters',
  },
  zh: {
    'wrap-up': '请准备结束发言',
    'one-minute': '还剩 1 分钟',
    'time-up': '时间到',
    'closer-to-mic': '请靠近麦克风讲话',
    'slow-down': '请放慢语速，方便同传翻译',
  },
};

export const presetText = (preset: SpeakerPreset, lang: UiLanguage): string => PRESET_TEXT[lang][preset];
