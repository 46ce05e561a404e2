import type { MessageKey } from '../../../../shared/i18n/en';
import { currentLanguage, translate, useLanguageStore, type UiLanguage, type Vars } from '../../../i18n/i18n';

/** The console's language right now, for actions that run outside a render (keys, confirmations). */
export const consoleLanguage = (): UiLanguage => currentLanguage(useLanguageStore.getState());

/** `t()` outside a render. */
export const tNow = (key: MessageKey, vars?: Vars): string => translate(consoleLanguage(), key, vars);
