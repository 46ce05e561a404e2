import { useHasSnapshot, useLineup } from '../../app/hooks';
import { ClockDigits } from '../../components/ClockDigits';
import { ConnectionIndicator } from '../../components/ConnectionIndicator';
import { PhaseLabel } from '../../components/PhaseLabel';
import { SpeakerLine } from '../../components/SpeakerLine';
import { ViewRoot } from '../../components/ViewRoot';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useI18n } from '../../i18n/i18n';
import { AgendaList } from './AgendaList';
import { ClockControls } from './ClockControls';

export function ModeratorView() {
  const { t } = useI18n();
  const ready = useHasSnapshot();
  const { current, next, ended } = useLineup();
  const emptyText = t(ended ? 'speaker.endOfAgenda' : ready ? 'speaker.noAgenda' : 'loading');

  return (
    <ViewRoot view="moderator">
      <header className="topbar">
        <h1 className="topbar__title">
          Rostrum <span className="topbar__view">{t('view.moderator')}</span>
        </h1>
        <ConnectionIndicator />
        <LanguageSwitch />
      </header>
      <main className="moderator">
        <section className="moderator__now">
          <div className="panel panel--current">
            <div className="panel__label">{t('label.current')}</div>
            <SpeakerLine located={current} emptyText={emptyText} testId="current-speaker" className="moderator__current" detailed />
            <div className="moderator__clock">
              <ClockDigits className="moderator__digits" />
              <PhaseLabel className="moderator__phase" />
            </div>
            <ClockControls />
          </div>
          <div className="panel panel--next">
            <div className="panel__label">{t('label.next')}</div>
            <SpeakerLine located={next} emptyText={t('speaker.none')} testId="next-speaker" detailed />
          </div>
        </section>
        <AgendaList />
      </main>
    </ViewRoot>
  );
}
