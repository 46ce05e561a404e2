import type { Agenda } from '../../../../shared/agenda/agenda-schema';
import type { Instant } from '../../../../shared/time/instant';
import { timeOfDayIn } from '../../../../shared/time/zoned-time';
import type { UiLanguage } from '../../../i18n/i18n';

/**
 * Short, unambiguous names for time zones, as a chair says them: "Beijing", "CET", "New York".
 * China's zone is named after Beijing (its abbreviation CST also means US Central); zones with a
 * well-known alphabetic abbreviation use it (it follows summer time: CET/CEST); the rest use the
 * city of their IANA id.
 */
const NAMED: Record<string, { en: string; zh: string }> = {
  'Asia/Shanghai': { en: 'Beijing', zh: '北京' },
  'Asia/Chongqing': { en: 'Beijing', zh: '北京' },
  'Asia/Harbin': { en: 'Beijing', zh: '北京' },
  'PRC': { en: 'Beijing', zh: '北京' },
  'Asia/Hong_Kong': { en: 'Hong Kong', zh: '香港' },
  'Asia/Macau': { en: 'Macau', zh: '澳门' },
  'Asia/Taipei': { en: 'Taipei', zh: '台北' },
  'Asia/Tokyo': { en: 'Tokyo', zh: '东京' },
  'Asia/Seoul': { en: 'Seoul', zh: '首尔' },
  'Asia/Singapore': { en: 'Singapore', zh: '新加坡' },
  'Asia/Bangkok': { en: 'Bangkok', zh: '曼谷' },
  'Asia/Jakarta': { en: 'Jakarta', zh: '雅加达' },
  'Asia/Kolkata': { en: 'India', zh: '印度' },
  'Australia/Sydney': { en: 'Sydney', zh: '悉尼' },
};

const abbreviators = new Map<string, Intl.DateTimeFormat>();

function abbreviation(zone: string, locale: string, at: Instant): string | null {
  const key = `${locale}|${zone}`;
  let f = abbreviators.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    abbreviators.set(key, f);
  }
  const name = f.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return /^[A-Z]{2,5}$/.test(name) ? name : null;
}

/** The label of `zone` at instant `at` (abbreviations change with summer time). */
export function zoneLabel(zone: string, lang: UiLanguage, at: Instant): string {
  const named = NAMED[zone];
  if (named) return named[lang];
  try {
    const abbr = abbreviation(zone, 'en-US', at) ?? abbreviation(zone, 'en-GB', at);
    if (abbr) return abbr;
  } catch {
    // an unknown zone: fall through to its name
  }
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** The agenda's zones: the primary one first, then the extra ones, without repeats. */
export function agendaZones(agenda: Pick<Agenda, 'timezone' | 'extraTimezones'>): string[] {
  return [...new Set([agenda.timezone, ...agenda.extraTimezones])];
}

export interface ZonedTime {
  zone: string;
  label: string;
  time: string;
}

/** `at` as HH:MM in each zone, with each zone's label. */
export function timesInZones(at: Instant, zones: readonly string[], lang: UiLanguage, withSeconds = false): ZonedTime[] {
  return zones.map((zone) => ({ zone, label: zoneLabel(zone, lang, at), time: timeOfDayIn(at, zone, withSeconds) }));
}

/** "16:36 Beijing / 09:36 CET". */
export const formatZonedTimes = (times: readonly ZonedTime[]): string => times.map((z) => `${z.time} ${z.label}`).join(' / ');
