import { useEffect } from 'react';
import { useHasSnapshot, useLineup } from '../../app/hooks';
import { ClockDigits } from '../../components/ClockDigits';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { PhaseLabel } from '../../components/PhaseLabel';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { setAutoLanguage, uiLanguageFor, useI18n } from '../../i18n/i18n';

/**
 * The confidence monitor: huge digits, readable from the lectern. Until someone picks a language
 * on this display, it speaks the language of the person at the lectern.
 */
export function SpeakerView() {
  const { t } = useI18n();
  const ready = useHasSnapshot();
  const { current, next, ended } = useLineup();
  const speakerLanguage = current?.item.language;
  useEffect(() => setAutoLanguage(uiLanguageFor(speakerLanguage)), [speakerLanguage]);
  const emptyText = t(ended ? 'speaker.endOfAgenda' : ready ? 'speaker.noAgenda' : 'loading');

  return (
    <ViewRoot view="speaker">
      <header className="speaker__top">
        <SpeakerLine located={current} emptyText={emptyText} testId="current-speaker" className="speaker__current" />
        <PhaseLabel className="speaker__phase" />
      </header>
      <main className="speaker__clock">
        <ClockDigits className="speaker__digits" />
      </main>
      <footer className="speaker__bottom">
        <div className="speaker__next">
          <span className="speaker__next-label">{t('label.next')}</span>
          <SpeakerLine located={next} emptyText={t('speaker.none')} testId="next-speaker" />
        </div>
        <ConnectionIndicator />
        <LanguageSwitch />
      </footer>
    </ViewRoot>
  );
}
