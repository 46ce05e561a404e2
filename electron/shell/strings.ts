import type { ApiError } from '../../shared/contract/errors';
import type { MessageKey } from '../../shared/i18n/en';
import { shellEn, shellZh } from '../../shared/i18n/parts/shell';
import { translate } from '../../shared/i18n/catalogue';
import { formatMessage, translateError, uiLanguageFor, type UiLanguage, type Vars } from '../../shared/i18n/translate';

export type ShellLanguage = UiLanguage;
export type ShellKey = keyof typeof shellEn;

export interface ShellStrings {
  language: ShellLanguage;
  t(key: ShellKey, vars?: Vars): string;
  /** A string of the views' catalogue (shared/i18n), for messages the views also show. */
  view(key: MessageKey, vars?: Vars): string;
  /** A refusal in the shell's language (the views' own translations); the server's English otherwise. */
  error(error: Pick<ApiError, 'code' | 'message'>): string;
}

/** Chinese when the system's first preferred language is Chinese, English otherwise. */
export const shellLanguageFor = (locale: string | undefined): ShellLanguage => uiLanguageFor(locale);

export function shellStrings(language: ShellLanguage): ShellStrings {
  const catalogue = language === 'zh' ? shellZh : shellEn;
  const view = (key: MessageKey, vars?: Vars) => translate(language, key, vars);
  return {
    language,
    t: (key, vars) => formatMessage(language, catalogue[key], vars),
    view,
    error: (error) => translateError(view, error),
  };
}
