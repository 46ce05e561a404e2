import { create } from 'zustand';
import type { View } from '../../shared/contract/http';
import { en, type Catalogue, type MessageKey } from './en';
import { zh } from './zh';

export const UI_LANGUAGES = ['en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const CATALOGUES: Record<UiLanguage, Catalogue> = { en, zh };

/** The `<html lang>` of each UI language, so the browser picks Chinese glyph shapes and hyphenation. */
export const HTML_LANG: Record<UiLanguage, string> = { en: 'en', zh: 'zh-CN' };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Looks a key up and fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function translate(lang: UiLanguage, key: MessageKey, vars?: Vars): string {
  const text = CATALOGUES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * A refusal in the display's language. A code this build does not know (a newer server) falls
 * back to the server's English message rather than showing a key.
 */
export function translateError(t: Translate, error: { code: string; message: string }): string {
  const key = `error.${error.code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : error.message;
}

export const isUiLanguage = (v: unknown): v is UiLanguage => v === 'en' || v === 'zh';

/** Maps a BCP-47 tag (an agenda item's language) to the UI language that suits it. */
export const uiLanguageFor = (tag: string | undefined): UiLanguage =>
  tag !== undefined && /^zh\b/i.test(tag) ? 'zh' : 'en';

interface LanguageState {
  view: View | null;
  /** What the user chose on this display; null = follow `auto`. */
  choice: UiLanguage | null;
  /** The default when nothing is chosen (English, or the speaker's language on the speaker view). */
  auto: UiLanguage;
}

const storageKey = (view: View) => `rostrum.lang.${view}`;

export const useLanguageStore = create<LanguageState>(() => ({ view: null, choice: null, auto: 'en' }));

/** Reads this display's stored choice. Call once, before the first render. */
export function initLanguage(view: View): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey(view));
  } catch {
    // storage unavailable (privacy mode): the choice just won't persist
  }
  useLanguageStore.setState({ view, choice: isUiLanguage(stored) ? stored : null });
}

export function chooseLanguage(lang: UiLanguage): void {
  const { view } = useLanguageStore.getState();
  useLanguageStore.setState({ choice: lang });
  if (view === null) return;
  try {
    localStorage.setItem(storageKey(view), lang);
  } catch {
    // see initLanguage
  }
}

/** Forgets this display's choice, so that it follows `auto` again (the speaker's language, on the speaker view). */
export function clearLanguageChoice(): void {
  const { view } = useLanguageStore.getState();
  useLanguageStore.setState({ choice: null });
  if (view === null) return;
  try {
    localStorage.removeItem(storageKey(view));
  } catch {
    // see initLanguage
  }
}

export function setAutoLanguage(lang: UiLanguage): void {
  if (useLanguageStore.getState().auto !== lang) useLanguageStore.setState({ auto: lang });
}

export const currentLanguage = (s: LanguageState): UiLanguage => s.choice ?? s.auto;

/** The display's language and a `t()` bound to it; re-renders when the language changes. */
export function useI18n(): { lang: UiLanguage; t: Translate } {
  const lang = useLanguageStore(currentLanguage);
  return { lang, t: TRANSLATORS[lang] };
}

const TRANSLATORS: Record<UiLanguage, Translate> = {
  en: (key, vars) => translate('en', key, vars),
  zh: (key, vars) => translate('zh', key, vars),
};
