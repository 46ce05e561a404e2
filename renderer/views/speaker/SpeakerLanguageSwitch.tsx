import { chooseLanguage, clearLanguageChoice, useI18n, useLanguageStore, type UiLanguage } from '../../i18n/i18n';

/** Each language is labelled in its own script, so it can be found whatever is shown now. */
const PINNED: { lang: UiLanguage; label: string; htmlLang: string }[] = [
  { lang: 'en', label: 'EN', htmlLang: 'en' },
  { lang: 'zh', label: '中文', htmlLang: 'zh-CN' },
];

/**
 * The monitor's language: Auto (the default) follows whoever is at the lectern; EN or 中文 pins
 * this display, remembered across reloads, until Auto is chosen again.
 */
export function SpeakerLanguageSwitch() {
  const { t } = useI18n();
  const choice = useLanguageStore((s) => s.choice);
  return (
    <div className="lang-switch" role="group" aria-label={t('label.displayLanguage')} data-testid="lang-switch">
      <button
        type="button"
        className="lang-switch__option"
        aria-pressed={choice === null}
        title={t('speaker.lang.autoHint')}
        data-testid="lang-auto"
        onClick={clearLanguageChoice}
      >
        {t('speaker.lang.auto')}
      </button>
      {PINNED.map((o) => (
        <button
          key={o.lang}
          type="button"
          lang={o.htmlLang}
          className="lang-switch__option"
          aria-pressed={choice === o.lang}
          data-testid={`lang-${o.lang}`}
          onClick={() => chooseLanguage(o.lang)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
