import { chooseLanguage, useI18n, type UiLanguage } from './i18n';

/** Each option is labelled in its own language, so it can be found whatever is shown now. */
const OPTIONS: { lang: UiLanguage; label: string; htmlLang: string }[] = [
  { lang: 'en', label: 'EN', htmlLang: 'en' },
  { lang: 'zh', label: '中文', htmlLang: 'zh-CN' },
];

export function LanguageSwitch() {
  const { lang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('label.displayLanguage')} data-testid="lang-switch">
      {OPTIONS.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.htmlLang}
          className="lang-switch__option"
          aria-pressed={lang === o.lang}
          data-testid={`lang-${o.lang}`}
          onClick={() => chooseLanguage(o.lang)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
