import { useEffect } from 'react';
import type { PageView as View } from '../../shared/contract/http';
import { useRoomName } from '../app/use-room-name';
import { HTML_LANG, useI18n } from './i18n';

/**
 * Keeps `<html lang>` and the window title in the display's language. `alerts` (e.g. open booth
 * requests) leads the title when there are any, so a tab or window in the background shows them.
 * A room's page (`/r/<id>/…`, #18) names its room after the view: "Rostrum — Moderator · Breakout A".
 */
export function useDocumentLanguage(view: View, alerts = 0): void {
  const { lang, t } = useI18n();
  const room = useRoomName(view);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    const name = room ? t('room.viewIn', { view: t(`view.${view}`), room: room[lang] }) : t(`view.${view}`);
    document.title = alerts > 0 ? t('app.titleAlerts', { view: name, count: alerts }) : t('app.title', { view: name });
  }, [lang, t, view, alerts, room]);
}
