import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { ClockDigits } from '../../components/ClockDigits';
import { PhaseLabel } from '../../components/PhaseLabel';
import { useI18n } from '../../i18n/i18n';
import { DirectionBadge } from './DirectionBadge';
import type { Working } from './direction';
import { LanguageBadge } from './LanguageBadge';
import { ModeratorLine } from './ModeratorLine';
import { SpeakerCard } from './SpeakerCard';
import { AuxTimers } from '../../components/AuxTimers';
import { StartsIn } from '../../components/StartsIn';

/** Now: who speaks, in which language, this booth's direction, the time left and the moderator. */
export function NowPanel({ current, working, emptyText }: { current: LocatedItem | undefined; working: Working; emptyText: string }) {
  const { t } = useI18n();
  return (
    <section className="panel booth-now" aria-labelledby="booth-now-label">
      <div className="booth-now__head">
        <h2 className="panel__label" id="booth-now-label">
          {t('label.current')}
        </h2>
        <LanguageBadge located={current} testId="current-language" />
      </div>
      <DirectionBadge working={working} />
      <SpeakerCard located={current} emptyText={emptyText} />
      <div className="booth-now__clock">
        <ClockDigits className="booth-now__digits" />
        <PhaseLabel className="booth-now__phase" />
      </div>
      <StartsIn booth />
      <AuxTimers view="booth" />
      <ModeratorLine session={current?.session} />
    </section>
  );
}
