import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { primaryLanguage, sameLanguage } from '../../../shared/agenda/language';

export interface ModeratorVoice {
  name: string;
  lang: string;
}

export interface FloorSwitch {
  /** Floor languages, primary subtags. */
  from: string;
  to: string;
  next: LocatedItem;
  /** Moderators who speak between the two items in a language that is neither `from` nor `to`. */
  moderators: ModeratorVoice[];
}

/**
 * Who takes the floor between two items: the session's moderator, or at a session boundary the
 * one closing the session and the one opening the next.
 */
export function moderatorsBetween(current: LocatedItem, next: LocatedItem): ModeratorVoice[] {
  const sessions = current.session.id === next.session.id ? [current.session] : [current.session, next.session];
  return sessions.map((s) => ({ name: s.moderator, lang: primaryLanguage(s.moderatorLanguage) }));
}

/** The floor language changes at the next item; null when it does not (or nothing follows). */
export function languageSwitchOf(current: LocatedItem | undefined, next: LocatedItem | undefined): FloorSwitch | null {
  if (!current || !next || sameLanguage(current.item.language, next.item.language)) return null;
  const from = primaryLanguage(current.item.language);
  const to = primaryLanguage(next.item.language);
  const moderators = moderatorsBetween(current, next).filter((m) => !sameLanguage(m.lang, from) && !sameLanguage(m.lang, to));
  return { from, to, next, moderators };
}
