import { en, type Catalogue, type MessageKey } from './en';
import { formatMessage, type UiLanguage, type Vars } from './translate';
import { zh } from './zh';

/**
 * The whole catalogue, both languages: for the desktop shell (its dialogs show the views' words)
 * and the tests. A view must not import this (it would carry every view's strings): it translates
 * with what it loads, renderer/i18n/messages.ts.
 */
const CATALOGUES: Record<UiLanguage, Catalogue> = { en, zh };

/** Looks a key up in `lang` and formats it. */
export function translate(lang: UiLanguage, key: MessageKey, vars?: Vars): string {
  return formatMessage(lang, CATALOGUES[lang][key], vars);
}

/** Whether `key` names a message of the catalogue (a server may send codes this build does not know). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);
