import type { MessageKey } from './en';
import { coreEn } from './parts/core';

/**
 * The one translator: the views, the shell's menus and dialogs, and the timing report all read
 * their words through `formatMessage`, so `{name}` filling and plural rules live here only. It
 * holds no catalogue: a view looks keys up in the strings it loads (renderer/i18n/messages.ts),
 * the shell and the tests in the whole catalogue (catalogue.ts).
 */

export const UI_LANGUAGES = ['en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const isUiLanguage = (v: unknown): v is UiLanguage => v === 'en' || v === 'zh';

/** Maps a BCP-47 tag (an agenda item's language, a system locale) to the UI language that suits it. */
export const uiLanguageFor = (tag: string | undefined): UiLanguage =>
  tag !== undefined && /^zh\b/i.test(tag) ? 'zh' : 'en';

/** The `<html lang>` of each UI language, so the browser picks Chinese glyph shapes and hyphenation. */
export const HTML_LANG: Record<UiLanguage, string> = { en: 'en', zh: 'zh-CN' };

export type Vars = Record<string, string | number>;

/**
 * A message whose words depend on `{count}`: one text per CLDR plural category, chosen by
 * `Intl.PluralRules` of the language (English has `one` and `other`; Chinese needs none).
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

const PLURAL_RULES: Record<UiLanguage, Intl.PluralRules> = {
  en: new Intl.PluralRules(HTML_LANG.en),
  zh: new Intl.PluralRules(HTML_LANG.zh),
};

function pickForm(lang: UiLanguage, message: PluralMessage, count: Vars[string] | undefined): string {
  // A count already formatted for display ("1,200") is parsed back; anything else reads as `other`.
  const n = typeof count === 'number' ? count : Number(String(count ?? '').replace(/[^\d.-]/g, ''));
  if (count === undefined || !Number.isFinite(n)) return message.other;
  return message[PLURAL_RULES[lang].select(n)] ?? message.other;
}

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export const fill = (text: string, vars?: Vars): string =>
  vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;

/** A message's text in `lang`: its plural form for `vars.count`, placeholders filled. */
export function formatMessage(lang: UiLanguage, message: Message, vars?: Vars): string {
  return fill(typeof message === 'string' ? message : pickForm(lang, message, vars?.count), vars);
}

/** Every text of a catalogue, plural forms included (to warm up fonts, to check coverage). */
export const messageTexts = (catalogue: Record<string, Message>): string[] =>
  Object.values(catalogue).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));

export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * A refusal in the display's language. A code this build does not know (a newer server) falls
 * back to the server's English message rather than showing a key. Every code this build knows
 * has its words in the core, which every page loads.
 */
export function translateError(t: Translate, error: { code: string; message: string }): string {
  const key = `error.${error.code}`;
  return isCoreKey(key) ? t(key) : error.message;
}

const isCoreKey = (key: string): key is keyof typeof coreEn => Object.hasOwn(coreEn, key);
