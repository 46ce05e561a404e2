import type { Item } from '../../shared/agenda/agenda-schema';
import type { UiLanguage } from '../i18n/i18n';

/**
 * The speaker's name as a display in `lang` shows it: the local-script name on a Chinese display
 * when there is one, else the Latin one. Falls back to the item's title (a break has no speaker).
 */
export function speakerName(item: Item, lang: UiLanguage): string {
  const { name, localName } = item.speaker;
  const primary = lang === 'zh' ? localName || name : name || localName;
  return primary || item.title;
}

/** The other spelling of the name, when there is one: interpreters want both. */
export function speakerAltName(item: Item, lang: UiLanguage): string {
  const { name, localName } = item.speaker;
  const alt = lang === 'zh' ? name : localName;
  return alt && alt !== speakerName(item, lang) ? alt : '';
}

const displayNames = new Map<UiLanguage, Intl.DisplayNames | null>();

/** An item's language (a BCP-47 tag) named in the display's language: `zh-CN` → "Chinese (China)". */
export function languageName(tag: string, lang: UiLanguage): string {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : 'en'], { type: 'language' }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  try {
    return displayNames.get(lang)?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
