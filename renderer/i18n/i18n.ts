import { createContext, useContext } from 'react';
import { create } from 'zustand';
import type { PageView as View } from '../../shared/contract/http';
import { isUiLanguage, type Translate, type UiLanguage } from '../../shared/i18n/translate';
import { translate } from './messages';

// The views' entry to i18n: the catalogues and the formatting live in shared/i18n (the shell and
// the report read them too), the strings this page loads in messages.ts; this file adds the
// display's chosen language and the React hook.
export { isMessageKey, translate } from './messages';
export {
  HTML_LANG,
  UI_LANGUAGES,
  isUiLanguage,
  messageTexts,
  translateError,
  uiLanguageFor,
  type Translate,
  type UiLanguage,
  type Vars,
} from '../../shared/i18n/translate';
export type { Catalogue, MessageKey } from '../../shared/i18n/en';

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

/**
 * A part of the page in a language of its own (`<LanguageScope.Provider value="zh">`): the audience
 * screen's `?lang=en+zh` shows each language side by side. Null: the display's language.
 */
export const LanguageScope = createContext<UiLanguage | null>(null);

/** The display's language (or its scope's) and a `t()` bound to it; re-renders when the language changes. */
export function useI18n(): { lang: UiLanguage; t: Translate } {
  const chosen = useLanguageStore(currentLanguage);
  const lang = useContext(LanguageScope) ?? chosen;
  return { lang, t: TRANSLATORS[lang] };
}

const TRANSLATORS: Record<UiLanguage, Translate> = {
  en: (key, vars) => translate('en', key, vars),
  zh: (key, vars) => translate('zh', key, vars),
};
