import { useEffect } from 'react';
import type { View } from '../../shared/contract/http';
import { HTML_LANG, useI18n } from './i18n';

/** Keeps `<html lang>` and the window title in the display's language. */
export function useDocumentLanguage(view: View): void {
  const { lang, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    document.title = t('app.title', { view: t(`view.${view}`) });
  }, [lang, t, view]);
}
