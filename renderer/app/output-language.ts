import { useEffect, useMemo } from 'react';
import { setAutoLanguage, uiLanguageFor, type UiLanguage } from '../i18n/i18n';
import { langParam } from './output-params';
import { useRostrum } from './store';

const asked = langParam(window.location.search);

/** A bad `?lang=` as a sentence for the page, or null. */
export const langParamError: string | null = asked.ok ? null : asked.message;

/**
 * The languages an output shows: `?lang=` (one, or two side by side) when given, else the event's
 * first language. The page's UI language (and `<html lang>`) follows the first of them.
 */
export function useOutputLanguages(): UiLanguage[] {
  const eventLanguage = useRostrum((s) => s.snapshot?.agenda.languages[0] ?? 'en');
  const langs = useMemo(() => (asked.ok && asked.value !== null ? asked.value : [uiLanguageFor(eventLanguage)]), [eventLanguage]);
  const first = langs[0]!;
  useEffect(() => setAutoLanguage(first), [first]);
  return langs;
}
