import { isValidLanguageTag, primaryLanguage } from '../agenda/language';

/** Language names organisers type instead of codes, in English and Chinese. */
const NAMES: Record<string, string> = {
  english: 'en',
  英语: 'en',
  英文: 'en',
  chinese: 'zh',
  mandarin: 'zh',
  'chinese (mandarin)': 'zh',
  中文: 'zh',
  汉语: 'zh',
  普通话: 'zh',
  cantonese: 'yue',
  粤语: 'yue',
  french: 'fr',
  法语: 'fr',
  german: 'de',
  德语: 'de',
  spanish: 'es',
  西班牙语: 'es',
  portuguese: 'pt',
  葡萄牙语: 'pt',
  italian: 'it',
  意大利语: 'it',
  russian: 'ru',
  俄语: 'ru',
  arabic: 'ar',
  阿拉伯语: 'ar',
  japanese: 'ja',
  日语: 'ja',
  korean: 'ko',
  韩语: 'ko',
};

/** A language cell as a BCP-47 tag (`English` → `en`, `zh_CN` → `zh-CN`), or null when it is not one. */
export function languageTagOf(text: string): string | null {
  const s = text.trim();
  const named = NAMES[s.toLowerCase()];
  if (named) return named;
  const tag = s.replace(/_/g, '-');
  if (!isValidLanguageTag(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

let names: Intl.DisplayNames | null | undefined;

/** True when the tag's language is one Intl knows by name (`en`, `yue`); false for e.g. `xx` or `english`. */
export function isKnownLanguage(tag: string): boolean {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
  }
  if (names === null) return true;
  try {
    return names.of(primaryLanguage(tag)) !== undefined;
  } catch {
    return false;
  }
}
