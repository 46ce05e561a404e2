import type { ApiError } from '../../shared/contract/errors';
import { en, type MessageKey } from '../../renderer/i18n/en';
import { shellEn, shellZh } from '../../renderer/i18n/parts/shell';
import { zh } from '../../renderer/i18n/zh';

export type ShellLanguage = 'en' | 'zh';
export type ShellKey = keyof typeof shellEn;

type Vars = Record<string, string | number>;
const fill = (text: string, vars?: Vars) =>
  vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;

export interface ShellStrings {
  language: ShellLanguage;
  t(key: ShellKey, vars?: Vars): string;
  /** A string of the views' catalogue (renderer/i18n), for messages the views also show. */
  view(key: MessageKey, vars?: Vars): string;
  /** A refusal in the shell's language (the views' own translations); the server's English otherwise. */
  error(error: Pick<ApiError, 'code' | 'message'>): string;
}

/** Chinese when the system's first preferred language is Chinese, English otherwise. */
export const shellLanguageFor = (locale: string | undefined): ShellLanguage => (locale !== undefined && /^zh\b/i.test(locale) ? 'zh' : 'en');

export function shellStrings(language: ShellLanguage): ShellStrings {
  const catalogue = language === 'zh' ? shellZh : shellEn;
  const views = language === 'zh' ? zh : en;
  return {
    language,
    t: (key, vars) => fill(catalogue[key], vars),
    view: (key, vars) => fill(views[key], vars),
    error: (error) => {
      const key = `error.${error.code}`;
      return Object.hasOwn(views, key) ? views[key as MessageKey] : error.message;
    },
  };
}
