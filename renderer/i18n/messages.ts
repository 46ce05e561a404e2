import type { MessageKey } from '../../shared/i18n/en';
import { coreEn, coreZh } from '../../shared/i18n/parts/core';
import { formatMessage, messageTexts, type Message, type UiLanguage, type Vars } from '../../shared/i18n/translate';

/**
 * The strings this page can show: the core, which every page carries, plus the parts its entry
 * loads (renderer/views/<view>/messages.ts, passed to boot). A view carries its own words and not
 * every other view's, in both languages, so switching language never waits for a download.
 * tests/renderer/i18n/view-messages.test.ts fails when a view's code asks for a key its parts
 * leave out; should one slip through anyway, it is reported in the console, not passed off.
 */

/** One part of the catalogue (shared/i18n/parts/*.ts) in both languages. */
export interface MessagePart {
  readonly en: Readonly<Record<string, Message>>;
  readonly zh: Readonly<Record<string, Message>>;
}

/** Pairs a part's English with its Chinese; the type refuses a Chinese that lacks one of the English keys. */
export const part = <K extends MessageKey>(en: Record<K, Message>, zh: NoInfer<Record<K, Message>>): MessagePart => ({ en, zh });

const loaded: Record<UiLanguage, Record<string, Message>> = { en: { ...coreEn }, zh: { ...coreZh } };

/** Adds a view's parts to the core. Call once, before anything is translated (boot does). */
export function loadMessages(parts: readonly MessagePart[]): void {
  for (const p of parts) {
    Object.assign(loaded.en, p.en);
    Object.assign(loaded.zh, p.zh);
  }
}

const reported = new Set<string>();

/** Looks a key up in `lang` among the loaded strings and formats it. */
export function translate(lang: UiLanguage, key: MessageKey, vars?: Vars): string {
  const message = loaded[lang][key];
  if (message !== undefined) return formatMessage(lang, message, vars);
  if (!reported.has(key)) {
    reported.add(key);
    console.error(`i18n: "${key}" is not loaded on this page: add its part to the view's messages.ts`);
  }
  return key;
}

/** Whether `key` names a loaded message (a server may send codes this build does not know). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(loaded.en, key);

/** Every loaded text in both languages, plural forms included (to warm up the fonts). */
export const loadedTexts = (): string[] => [...messageTexts(loaded.en), ...messageTexts(loaded.zh)];
