import { useHasSnapshot, useLineup } from '../../app/hooks';
import { ClockDigits } from '../../components/ClockDigits';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { PhaseLabel } from '../../components/PhaseLabel';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useI18n } from '../../i18n/i18n';
import { LanguageBadge } from './LanguageBadge';

/** The interpreters' view: who speaks now and next, in which language, and how long is left. */
export function BoothView() {
  const { t } = useI18n();
  const ready = useHasSnapshot();
  const { current, next, ended } = useLineup();
  const emptyText = t(ended ? 'speaker.endOfAgenda' : ready ? 'speaker.noAgenda' : 'loading');

  return (
    <ViewRoot view="booth">
      <header className="topbar">
        <h1 className="topbar__title">
          Rostrum <span className="topbar__view">{t('view.booth')}</span>
        </h1>
        <ConnectionIndicator />
        <LanguageSwitch />
      </header>
      <main className="booth">
        <section className="panel booth__now">
          <div className="panel__label">{t('label.current')}</div>
          <LanguageBadge located={current} testId="current-language" />
          <SpeakerLine located={current} emptyText={emptyText} testId="current-speaker" className="booth__current" detailed />
          <div className="booth__clock">
            <ClockDigits className="booth__digits" />
            <PhaseLabel className="booth__phase" />
          </div>
        </section>
        <section className="panel booth__next">
          <div className="panel__label">{t('label.next')}</div>
          <LanguageBadge located={next} testId="next-language" />
          <SpeakerLine located={next} emptyText={t('speaker.none')} testId="next-speaker" detailed />
        </section>
      </main>
    </ViewRoot>
  );
}
