import { useHasSnapshot, useLineup } from '../../../app/hooks';
import { useRostrum } from '../../../app/store';
import { ClockDigits } from '../../../components/ClockDigits';
import { PhaseLabel } from '../../../components/PhaseLabel';
import { SpeakerLine } from '../../../components/SpeakerLine';
import { useI18n } from '../../../i18n/i18n';
import { ClockControls } from './ClockControls';
import { CommandFeedback } from './CommandFeedback';
import { ElapsedLine } from './ElapsedLine';
import { ZoneClocks } from './ZoneClocks';
import { ItemTiming } from './ItemTiming';

/**
 * Who is on, the clock, and the controls. Each part subscribes to what it shows: the digits
 * re-render when they change, the rest when the item or the phase does.
 */
export function ClockPanel() {
  const { t } = useI18n();
  const ready = useHasSnapshot();
  const { current, next, ended } = useLineup();
  const blank = useRostrum((s) => s.snapshot?.display.speakerBlank ?? false);
  const emptyText = t(ended ? 'speaker.endOfAgenda' : ready ? 'speaker.noAgenda' : 'loading');

  return (
    <section className="panel clock-panel" aria-label={t('moderator.region.now')}>
      <div className="clock-panel__head">
        <span className="panel__label">{t('label.current')}</span>
        <PhaseLabel className="clock-panel__phase" />
      </div>
      <SpeakerLine located={current} emptyText={emptyText} testId="current-speaker" className="clock-panel__current" detailed />
      <ClockDigits className="clock-panel__digits" />
      <ElapsedLine />
      <ItemTiming />
      <ZoneClocks />
      {blank && (
        <p className="clock-panel__blank" data-testid="blank-notice">
          {t('moderator.clock.blank')}
        </p>
      )}
      <div className="clock-panel__next">
        <span className="panel__label">{t('label.next')}</span>
        <SpeakerLine located={next} emptyText={t('speaker.none')} testId="next-speaker" />
      </div>
      <ClockControls />
      <CommandFeedback />
    </section>
  );
}
