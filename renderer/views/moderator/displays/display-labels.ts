import type { DisplayPage } from '../../../../shared/contract/displays';
import type { ConnectedDisplay } from '../../../../shared/contract/presence';
import type { Translate, UiLanguage } from '../../../i18n/i18n';

/** Silent longer than this (it pings every second): the list shows when it was last heard. */
export const SILENT_AFTER_MS = 15_000;

export const pageLabel = (t: Translate, page: DisplayPage): string => t(`displays.page.${page}`);

export const keyLabel = (t: Translate, d: ConnectedDisplay): string => t(d.role === null ? 'displays.key.none' : `displays.key.${d.role}`);

export const displayName = (t: Translate, d: ConnectedDisplay): string => d.name || `${t('displays.unnamed')} (${d.id})`;

/** "now" while it keeps pinging; otherwise the time of day it was last heard, on this computer's clock. */
export function lastSeenText(t: Translate, lang: UiLanguage, d: ConnectedDisplay, serverNow: number): string {
  if (serverNow - d.lastSeen < SILENT_AFTER_MS) return t('displays.lastSeen.now');
  return new Date(d.lastSeen).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}
