import type { Item } from '../../../shared/agenda/agenda-schema';
import { primaryLanguage, sameLanguage } from '../../../shared/agenda/language';
import type { BoothDirection } from './booth-settings';

/**
 * What the booth does while an item is on:
 * - `working`: interpreting from the floor language into `to` (one language, or several for a
 *   `both` booth at an event with more than two);
 * - `idle`: the floor already speaks the booth's target language (an `into:` booth), or there is
 *   no other language to work into: the booth is off (or on relay) — never "EN → EN";
 * - `break`: nobody speaks from the floor;
 * - `none`: nothing is on (no agenda, or the event has ended).
 * Languages are primary subtags (`zh`, `en`), compared the way the agenda compares them.
 */
export type Working =
  | { kind: 'working'; from: string; to: string[] }
  | { kind: 'idle'; floor: string; reason: 'target' | 'monolingual' }
  | { kind: 'break' }
  | { kind: 'none' };

export function workingDirection(item: Item | undefined, setting: BoothDirection, languages: readonly string[]): Working {
  if (!item) return { kind: 'none' };
  if (item.kind === 'break') return { kind: 'break' };
  const floor = primaryLanguage(item.language);
  if (setting.kind === 'into') {
    return sameLanguage(floor, setting.lang) ? { kind: 'idle', floor, reason: 'target' } : { kind: 'working', from: floor, to: [setting.lang] };
  }
  const to = [...new Set(languages.map(primaryLanguage))].filter((l) => !sameLanguage(l, floor));
  return to.length === 0 ? { kind: 'idle', floor, reason: 'monolingual' } : { kind: 'working', from: floor, to };
}

/** A language as the booth writes it in a direction: `ZH`, `EN`. */
export const langCode = (tag: string): string => primaryLanguage(tag).toUpperCase();

/** `ZH → EN`, or `EN → ZH/FR`. */
export const arrow = (from: string, to: readonly string[]): string => `${langCode(from)} → ${to.map(langCode).join('/')}`;
