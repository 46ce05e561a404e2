import type { Instant } from './instant';

/** The languages zones are labelled in: the UI's and the report's. */
export type ZoneLabelLanguage = 'en' | 'zh';

/**
 * One name per time zone, used by every view and the report, as a chair says them: "Beijing",
 * "CET", "Tokyo". China's zone is named after Beijing (its abbreviation CST also means US Central);
 * zones with a well-known alphabetic abbreviation use it (it follows summer time: CET/CEST); any
 * other zone is shown by its IANA name, which is at least unambiguous.
 */
const NAMED: Record<string, Record<ZoneLabelLanguage, string>> = {
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

/** The label of `zone` in `lang` at instant `at` (abbreviations change with summer time). */
export function zoneLabel(zone: string, lang: ZoneLabelLanguage, at: Instant): string {
  const named = NAMED[zone];
  if (named) return named[lang];
  try {
    const abbr = abbreviation(zone, 'en-US', at) ?? abbreviation(zone, 'en-GB', at);
    if (abbr) return abbr;
  } catch {
    // an unknown zone: fall through to its name
  }
  return zone;
}
