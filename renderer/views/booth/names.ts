import type { Item } from '../../../shared/agenda/agenda-schema';
import { speakerAltName, speakerName } from '../../app/speaker-label';
import type { UiLanguage } from '../../i18n/i18n';

const hasSpeaker = (item: Item) => item.speaker.name !== '' || item.speaker.localName !== '';

/**
 * The speaker's names as the booth shows them: the display's spelling first, the other script
 * beside it. The honorific ("Dr", "Ms") goes with the Latin name only: "Dr LEE Chang-Hee",
 * but "孙瑞哲" beside "Mr SUN Ruizhe".
 */
export function speakerNames(item: Item, lang: UiLanguage): { honorific: string; name: string; alt: string } {
  const name = speakerName(item, lang);
  const alt = speakerAltName(item, lang);
  const honorific = hasSpeaker(item) ? item.speaker.honorific : '';
  if (!honorific) return { honorific: '', name, alt };
  if (name === item.speaker.name) return { honorific, name, alt };
  return { honorific: '', name, alt: alt === item.speaker.name ? `${honorific} ${alt}` : alt };
}

/** The speaker as announced in one line: "Dr LEE Chang-Hee", "孙瑞哲", or the item's title. */
export function announcedName(item: Item, lang: UiLanguage): string {
  const { honorific, name } = speakerNames(item, lang);
  return honorific ? `${honorific} ${name}` : name;
}
