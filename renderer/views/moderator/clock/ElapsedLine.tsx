import { useMemo } from 'react';
import { findItem } from '../../../../shared/agenda/agenda-queries';
import { elapsedMs } from '../../../../shared/clock/clock-math';
import { formatElapsed, formatSeconds, formatSignedDuration } from '../../../../shared/clock/format';
import { instant } from '../../../../shared/time/instant';
import { useRostrum } from '../../../app/store';
import { useI18n } from '../../../i18n/i18n';
import { useTickingText } from './use-ticking-text';

/** Elapsed time on the current item, its allotted time and what was added or taken away. */
export function ElapsedLine() {
  const { t } = useI18n();
  const clock = useRostrum((s) => s.snapshot?.clock ?? null);
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const item = useMemo(() => (agenda && clock ? findItem(agenda, clock.currentItemId)?.item : undefined), [agenda, clock]);
  const elapsed = useTickingText((now) => (clock ? formatElapsed(elapsedMs(clock, instant(now))) : '0:00'), [clock]);
  if (!clock || clock.status === 'ended' || !item) return null;
  const added = clock.addedMs;
  return (
    <div className="clock-panel__elapsed">
      <span>
        {t('moderator.clock.elapsed')} <strong data-testid="clock-elapsed">{elapsed}</strong>
      </span>
      {item.durationSec === undefined ? (
        <span className="clock-panel__muted">{t('moderator.clock.countsUp')}</span>
      ) : (
        <span>
          {t('moderator.clock.allotted')} <strong>{formatSeconds(item.durationSec + Math.trunc(added / 1000))}</strong>
        </span>
      )}
      {added !== 0 && (
        <span className="clock-panel__added" data-testid="clock-added" data-sign={added > 0 ? 'plus' : 'minus'}>
          {t('moderator.clock.added', { time: formatSignedDuration(added) })}
        </span>
      )}
    </div>
  );
}
