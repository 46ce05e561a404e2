import type { Item } from '../../../shared/agenda/agenda-schema';
import type { GlossaryEntry } from '../../../shared/agenda/agenda-schema';
import { primaryLanguage, sameLanguage } from '../../../shared/agenda/language';

/** The languages to show expansions in: the agenda's, then any others the glossary uses. */
export function glossaryLanguages(agendaLanguages: readonly string[], glossary: readonly GlossaryEntry[]): string[] {
  const out: string[] = [];
  const add = (tag: string) => {
    const p = primaryLanguage(tag);
    if (p && !out.includes(p)) out.push(p);
  };
  agendaLanguages.forEach(add);
  glossary.forEach((e) => Object.keys(e.expansions).forEach(add));
  return out;
}

/** An entry's expansion in a language, whatever tag it was stored under (`zh` matches `zh-CN`). */
export function expansionIn(entry: GlossaryEntry, lang: string): string {
  const key = Object.keys(entry.expansions).find((k) => sameLanguage(k, lang));
  return key === undefined ? '' : (entry.expansions[key] ?? '');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the term occurs as a word in the item's title, speaker or booth notes. */
export function termInItem(term: string, item: Item | undefined): boolean {
  if (!item || term.trim() === '') return false;
  const text = [item.title, item.speaker.role, item.speaker.organisation, item.boothNotes].join('\n');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(term.trim())}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Case- and width-insensitive search over the term and every expansion. */
export function matchesQuery(entry: GlossaryEntry, query: string): boolean {
  const q = query.trim().normalize('NFKC').toLowerCase();
  if (q === '') return true;
  return [entry.term, ...Object.values(entry.expansions)].some((s) => s.normalize('NFKC').toLowerCase().includes(q));
}

/** Terms used by the current item first, then the rest alphabetically. */
export function orderGlossary(
  glossary: readonly GlossaryEntry[],
  current: Item | undefined,
): { entry: GlossaryEntry; index: number; inItem: boolean }[] {
  return glossary
    .map((entry, index) => ({ entry, index, inItem: termInItem(entry.term, current) }))
    .sort((a, b) => Number(b.inItem) - Number(a.inItem) || a.entry.term.localeCompare(b.entry.term, 'en', { sensitivity: 'base' }));
}
