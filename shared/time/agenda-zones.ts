import type { Agenda } from '../agenda/agenda-schema';
import type { UiLanguage } from '../i18n/translate';
import type { Instant } from './instant';
import { zoneLabel } from './zone-labels';
import { timeOfDayIn } from './zoned-time';

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
